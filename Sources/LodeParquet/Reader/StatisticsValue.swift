import LodeCore

/// Statistics bytes as Lode values, and the ordering used to compare them with
/// predicate literals.
enum StatisticsValue {
    /// The value a PLAIN-encoded statistics bound holds for `leaf`, or `nil` when
    /// it cannot be used (wrong size, NaN, INT96, invalid UTF-8, out of range).
    static func decode(_ bytes: [UInt8], leaf: LeafDescriptor) -> Value? {
        func int32() -> Int32? {
            bytes.count == 4 ? bytes.withUnsafeBytes { Int32(littleEndian: $0.loadUnaligned(as: Int32.self)) } : nil
        }
        func int64() -> Int64? {
            bytes.count == 8 ? bytes.withUnsafeBytes { Int64(littleEndian: $0.loadUnaligned(as: Int64.self)) } : nil
        }
        func decimal(_ unscaled: Int128) -> Value? {
            guard case .decimal(let p, let s) = leaf.type else { return nil }
            return .decimal(Decimal128(unscaled, precision: p, scale: s))
        }
        switch leaf.physicalType {
        case .boolean:
            return bytes.count == 1 ? .boolean(bytes[0] != 0) : nil
        case .int32:
            guard let v = int32() else { return nil }
            switch leaf.conversion {
            case .identity: return leaf.type == .date ? .date(v) : .int(Int64(v))
            case .int32ToInt8: return .int(Int64(Int8(truncatingIfNeeded: v)))
            case .int32ToInt16: return .int(Int64(Int16(truncatingIfNeeded: v)))
            case .uint8ToInt16: return .int(Int64(UInt8(truncatingIfNeeded: v)))
            case .uint16ToInt32: return .int(Int64(UInt16(truncatingIfNeeded: v)))
            case .uint32ToInt64: return .int(Int64(UInt32(bitPattern: v)))
            case .decimalFromInt32: return decimal(Int128(v))
            case .timeMillisToMicros: return .int(Int64(v) * 1000)
            default: return nil
            }
        case .int64:
            guard let v = int64() else { return nil }
            switch leaf.conversion {
            case .identity:
                if case .timestamp(let unit, let utc) = leaf.type { return .timestamp(v, unit, utc: utc) }
                return .int(v)
            case .uint64ToInt64: return v >= 0 ? .int(v) : nil
            case .decimalFromInt64: return decimal(Int128(v))
            case .timeNanosToMicros: return .int(v / 1000)
            default: return nil
            }
        case .float:
            guard bytes.count == 4 else { return nil }
            let f = bytes.withUnsafeBytes { Float(bitPattern: UInt32(littleEndian: $0.loadUnaligned(as: UInt32.self))) }
            return f.isNaN ? nil : .double(Double(f))
        case .double:
            guard bytes.count == 8 else { return nil }
            let d = bytes.withUnsafeBytes { Double(bitPattern: UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self))) }
            return d.isNaN ? nil : .double(d)
        case .byteArray, .fixedLenByteArray:
            switch leaf.conversion {
            case .decimalFromBytes:
                guard let v = try? bytes.withUnsafeBytes({ try decimalValue($0) }) else { return nil }
                return decimal(v)
            case .float16ToFloat:
                guard bytes.count == 2 else { return nil }
                let f = halfToFloat(UInt16(bytes[0]) | UInt16(bytes[1]) << 8)
                return f.isNaN ? nil : .double(Double(f))
            default:
                if leaf.type == .string {
                    let text = String(decoding: bytes, as: UTF8.self)
                    return text.utf8.elementsEqual(bytes) ? .string(text) : nil
                }
                return .binary(bytes)
            }
        default:
            return nil
        }
    }

    /// Whether the deprecated `min`/`max` fields (signed order) can be trusted.
    static func hasSignedOrder(_ leaf: LeafDescriptor) -> Bool {
        switch leaf.physicalType {
        case .boolean, .float, .double: return true
        case .int32, .int64:
            switch leaf.conversion {
            case .uint8ToInt16, .uint16ToInt32, .uint32ToInt64, .uint64ToInt64: return false
            default: return true
            }
        default: return false
        }
    }
}

