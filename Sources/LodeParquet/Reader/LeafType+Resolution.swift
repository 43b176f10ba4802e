import LodeCore

extension LeafDescriptor {
    /// The Lode type and conversion for a primitive schema element, from its
    /// logical type or, when absent, its legacy converted type.
    ///
    /// - INT96 reads as `timestamp(.microsecond, utc: true)`, as Spark and DuckDB do.
    /// - Unsigned integers widen to the next signed type (UINT_32 → int64); UINT_64
    ///   reads as int64 and a value above `Int64.max` throws.
    /// - TIME reads as int64 microseconds since midnight (nanoseconds truncated).
    /// - FLOAT16 reads as float32; UUID, INTERVAL and other fixed-length values as binary.
    /// - UNKNOWN (always null) reads as the type its physical type has alone.
    static func resolveType(_ element: SchemaElement) throws -> (DataType, LeafConversion) {
        guard let physical = element.type else {
            throw ParquetError(.corruptMetadata, "schema leaf '\(element.name)' has no physical type")
        }
        func unsupported(_ what: String) -> ParquetError {
            ParquetError(.unsupported, "\(what) on \(physical) column '\(element.name)'", column: element.name)
        }
        func decimal(_ precision: Int32, _ scale: Int32) throws -> (DataType, LeafConversion) {
            guard precision >= 1, scale >= 0, scale <= precision else {
                throw ParquetError(.corruptMetadata, "DECIMAL(\(precision),\(scale)) of column '\(element.name)' is invalid")
            }
            guard precision <= Int32(DataType.maxDecimalPrecision) else {
                throw ParquetError(.unsupported,
                                   "DECIMAL precision \(precision) of column '\(element.name)' exceeds \(DataType.maxDecimalPrecision)",
                                   column: element.name)
            }
            let type = DataType.decimal(precision: Int(precision), scale: Int(scale))
            switch physical {
            case .int32: return (type, .decimalFromInt32)
            case .int64: return (type, .decimalFromInt64)
            case .byteArray, .fixedLenByteArray: return (type, .decimalFromBytes)
            default: throw unsupported("DECIMAL")
            }
        }
        func integer(bits: Int, signed: Bool) throws -> (DataType, LeafConversion) {
            switch (physical, bits, signed) {
            case (.int32, 8, true): return (.int8, .int32ToInt8)
            case (.int32, 16, true): return (.int16, .int32ToInt16)
            case (.int32, 32, true): return (.int32, .identity)
            case (.int32, 8, false): return (.int16, .uint8ToInt16)
            case (.int32, 16, false): return (.int32, .uint16ToInt32)
            case (.int32, 32, false): return (.int64, .uint32ToInt64)
            case (.int64, 64, true): return (.int64, .identity)
            case (.int64, 64, false): return (.int64, .uint64ToInt64)
            default: throw unsupported("\(signed ? "" : "U")INT(\(bits))")
            }
        }
        func time(_ unit: ParquetTimeUnit) throws -> (DataType, LeafConversion) {
            switch (physical, unit) {
            case (.int32, .millis): return (.int64, .timeMillisToMicros)
            case (.int64, .micros): return (.int64, .identity)
            case (.int64, .nanos): return (.int64, .timeNanosToMicros)
            default: throw unsupported("TIME")
            }
        }
        func timestamp(_ unit: ParquetTimeUnit, utc: Bool) throws -> (DataType, LeafConversion) {
            guard physical == .int64 else { throw unsupported("TIMESTAMP") }
            switch unit {
            case .millis: return (.timestamp(.millisecond, utc: utc), .identity)
            case .micros: return (.timestamp(.microsecond, utc: utc), .identity)
            case .nanos: return (.timestamp(.nanosecond, utc: utc), .identity)
            }
        }
        func text() throws -> (DataType, LeafConversion) {
            guard physical == .byteArray else { throw unsupported("STRING") }
            return (.string, .identity)
        }

        if let logical = element.logicalType {
            switch logical {
            case .string, .enum, .json: return try text()
            case .decimal(let scale, let precision): return try decimal(precision, scale)
            case .date:
                guard physical == .int32 else { throw unsupported("DATE") }
                return (.date, .identity)
            case .time(_, let unit): return try time(unit)
            case .timestamp(let utc, let unit): return try timestamp(unit, utc: utc)
            case .integer(let bits, let signed): return try integer(bits: Int(bits), signed: signed)
            case .float16:
                guard physical == .fixedLenByteArray, element.typeLength == 2 else { throw unsupported("FLOAT16") }
                return (.float32, .float16ToFloat)
            case .bson, .uuid, .unknown, .map, .list, .other: break
            }
        } else if let converted = element.convertedType {
            switch converted {
            case .utf8, .enum, .json: return try text()
            case .decimal: return try decimal(element.precision ?? 0, element.scale ?? 0)
            case .date:
                guard physical == .int32 else { throw unsupported("DATE") }
                return (.date, .identity)
            case .timeMillis: return try time(.millis)
            case .timeMicros: return try time(.micros)
            case .timestampMillis: return try timestamp(.millis, utc: true)
            case .timestampMicros: return try timestamp(.micros, utc: true)
            case .int8: return try integer(bits: 8, signed: true)
            case .int16: return try integer(bits: 16, signed: true)
            case .int32: return try integer(bits: 32, signed: true)
            case .int64: return try integer(bits: 64, signed: true)
            case .uint8: return try integer(bits: 8, signed: false)
            case .uint16: return try integer(bits: 16, signed: false)
            case .uint32: return try integer(bits: 32, signed: false)
            case .uint64: return try integer(bits: 64, signed: false)
            default: break
            }
        }
        switch physical {
        case .boolean: return (.boolean, .identity)
        case .int32: return (.int32, .identity)
        case .int64: return (.int64, .identity)
        case .int96: return (.timestamp(.microsecond, utc: true), .identity)
        case .float: return (.float32, .identity)
        case .double: return (.float64, .identity)
        case .byteArray: return (.binary, .identity)
        case .fixedLenByteArray: return (.binary, .fixedToBinary)
        default:
            throw ParquetError(.unsupported, "physical type \(physical.rawValue) of column '\(element.name)'",
                               column: element.name)
        }
    }
}
