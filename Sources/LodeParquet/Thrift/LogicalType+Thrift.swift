// The LogicalType, TimeUnit and ColumnOrder unions. Each member is a struct
// field; members without payload are empty structs.

extension LogicalType: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        let scope = try reader.beginStruct("LogicalType")
        guard let field = try reader.readFieldHeader() else {
            throw reader.corrupt("LogicalType union has no member")
        }
        if field.id >= 1 && field.id <= 15 && field.id != 9 { try reader.expect(field, .struct) }
        switch field.id {
        case 1: try Self.readEmpty(&reader); self = .string
        case 2: try Self.readEmpty(&reader); self = .map
        case 3: try Self.readEmpty(&reader); self = .list
        case 4: try Self.readEmpty(&reader); self = .enum
        case 5: self = try Self.readDecimal(&reader)
        case 6: try Self.readEmpty(&reader); self = .date
        case 7:
            let (isAdjustedToUTC, unit) = try Self.readTemporal(&reader, "TimeType")
            self = .time(isAdjustedToUTC: isAdjustedToUTC, unit: unit)
        case 8:
            let (isAdjustedToUTC, unit) = try Self.readTemporal(&reader, "TimestampType")
            self = .timestamp(isAdjustedToUTC: isAdjustedToUTC, unit: unit)
        case 10: self = try Self.readInteger(&reader)
        case 11: try Self.readEmpty(&reader); self = .unknown
        case 12: try Self.readEmpty(&reader); self = .json
        case 13: try Self.readEmpty(&reader); self = .bson
        case 14: try Self.readEmpty(&reader); self = .uuid
        case 15: try Self.readEmpty(&reader); self = .float16
        default:
            try reader.skip(field)
            self = .other(fieldID: field.id)
        }
        guard try reader.readFieldHeader() == nil else {
            throw reader.corrupt("LogicalType union has more than one member")
        }
        reader.endStruct(scope)
    }

    /// Reads a member struct that has no fields, skipping any a newer writer added.
    private static func readEmpty(_ reader: inout ThriftCompactReader) throws {
        try reader.skipValue(.struct)
    }

    private static func readDecimal(_ reader: inout ThriftCompactReader) throws -> LogicalType {
        let scope = try reader.beginStruct("DecimalType")
        var scale: Int32?
        var precision: Int32?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: scale = try reader.readI32(field)
            case 2: precision = try reader.readI32(field)
            default: try reader.skip(field)
            }
        }
        guard let scale else { throw reader.missingField("DecimalType", "scale", id: 1) }
        guard let precision else { throw reader.missingField("DecimalType", "precision", id: 2) }
        reader.endStruct(scope)
        return .decimal(scale: scale, precision: precision)
    }

    private static func readTemporal(_ reader: inout ThriftCompactReader,
                                     _ name: StaticString) throws -> (Bool, ParquetTimeUnit) {
        let scope = try reader.beginStruct(name)
        var isAdjustedToUTC: Bool?
        var unit: ParquetTimeUnit?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: isAdjustedToUTC = try reader.readBool(field)
            case 2: unit = try reader.readStruct(field)
            default: try reader.skip(field)
            }
        }
        guard let isAdjustedToUTC else { throw reader.missingField(name, "isAdjustedToUTC", id: 1) }
        guard let unit else { throw reader.missingField(name, "unit", id: 2) }
        reader.endStruct(scope)
        return (isAdjustedToUTC, unit)
    }

    private static func readInteger(_ reader: inout ThriftCompactReader) throws -> LogicalType {
        let scope = try reader.beginStruct("IntType")
        var bitWidth: Int8?
        var isSigned: Bool?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: bitWidth = try reader.readI8(field)
            case 2: isSigned = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
        guard let bitWidth else { throw reader.missingField("IntType", "bitWidth", id: 1) }
        guard let isSigned else { throw reader.missingField("IntType", "isSigned", id: 2) }
        reader.endStruct(scope)
        return .integer(bitWidth: bitWidth, isSigned: isSigned)
    }

    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        switch self {
        case .string: writer.writeEmptyStructField(1)
        case .map: writer.writeEmptyStructField(2)
        case .list: writer.writeEmptyStructField(3)
        case .enum: writer.writeEmptyStructField(4)
        case let .decimal(scale, precision):
            writer.writeFieldHeader(5, .struct)
            let inner = writer.beginStruct()
            writer.writeI32Field(1, scale)
            writer.writeI32Field(2, precision)
            writer.endStruct(inner)
        case .date: writer.writeEmptyStructField(6)
        case let .time(isAdjustedToUTC, unit):
            Self.writeTemporal(&writer, id: 7, isAdjustedToUTC, unit)
        case let .timestamp(isAdjustedToUTC, unit):
            Self.writeTemporal(&writer, id: 8, isAdjustedToUTC, unit)
        case let .integer(bitWidth, isSigned):
            writer.writeFieldHeader(10, .struct)
            let inner = writer.beginStruct()
            writer.writeI8Field(1, bitWidth)
            writer.writeBoolField(2, isSigned)
            writer.endStruct(inner)
        case .unknown: writer.writeEmptyStructField(11)
        case .json: writer.writeEmptyStructField(12)
        case .bson: writer.writeEmptyStructField(13)
        case .uuid: writer.writeEmptyStructField(14)
        case .float16: writer.writeEmptyStructField(15)
        case let .other(fieldID): writer.writeEmptyStructField(fieldID)
        }
        writer.endStruct(scope)
    }

    private static func writeTemporal(_ writer: inout ThriftCompactWriter, id: Int16,
                                      _ isAdjustedToUTC: Bool, _ unit: ParquetTimeUnit) {
        writer.writeFieldHeader(id, .struct)
        let inner = writer.beginStruct()
        writer.writeBoolField(1, isAdjustedToUTC)
        writer.writeStructField(2, unit)
        writer.endStruct(inner)
    }
}

extension ParquetTimeUnit: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        let scope = try reader.beginStruct("TimeUnit")
        guard let field = try reader.readFieldHeader() else {
            throw reader.corrupt("TimeUnit union has no member")
        }
        try reader.expect(field, .struct)
        switch field.id {
        case 1: self = .millis
        case 2: self = .micros
        case 3: self = .nanos
        default: throw reader.corrupt("unknown TimeUnit member \(field.id)")
        }
        try reader.skipValue(.struct)
        guard try reader.readFieldHeader() == nil else {
            throw reader.corrupt("TimeUnit union has more than one member")
        }
        reader.endStruct(scope)
    }

    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        switch self {
        case .millis: writer.writeEmptyStructField(1)
        case .micros: writer.writeEmptyStructField(2)
        case .nanos: writer.writeEmptyStructField(3)
        }
        writer.endStruct(scope)
    }
}

extension ColumnOrder: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        let scope = try reader.beginStruct("ColumnOrder")
        guard let field = try reader.readFieldHeader() else {
            throw reader.corrupt("ColumnOrder union has no member")
        }
        if field.id == 1 {
            try reader.expect(field, .struct)
            self = .typeDefinedOrder
        } else {
            self = .other(fieldID: field.id)
        }
        try reader.skip(field)
        guard try reader.readFieldHeader() == nil else {
            throw reader.corrupt("ColumnOrder union has more than one member")
        }
        reader.endStruct(scope)
    }

    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        switch self {
        case .typeDefinedOrder: writer.writeEmptyStructField(1)
        case let .other(fieldID): writer.writeEmptyStructField(fieldID)
        }
        writer.endStruct(scope)
    }
}
