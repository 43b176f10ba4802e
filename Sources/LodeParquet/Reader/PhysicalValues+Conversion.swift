import LodeCore

extension PhysicalValues {
    /// Number of values held.
    var count: Int {
        switch self {
        case .boolean(let v): return v.count
        case .int32(let v): return v.count
        case .int64(let v): return v.count
        case .float(let v): return v.count
        case .double(let v): return v.count
        case .bytes(let offsets, _): return offsets.count - 1
        case .fixedBytes(let width, let data): return width == 0 ? 0 : data.count / width
        }
    }

    /// The values as a Lode array of `type`, converted as `conversion` says, with
    /// `validity` (one bit per value) attached.
    func makeArray(type: DataType, conversion: LeafConversion, validity: Bitmap?) throws -> any ColumnArray {
        switch (conversion, self) {
        case (.identity, .boolean(let v)): return BooleanArray(storage: v, validity: validity)
        case (.identity, .int32(let v)): return PrimitiveArray(type, storage: v, validity: validity)
        case (.identity, .int64(let v)): return PrimitiveArray(type, storage: v, validity: validity)
        case (.identity, .float(let v)): return PrimitiveArray(type, storage: v, validity: validity)
        case (.identity, .double(let v)): return PrimitiveArray(type, storage: v, validity: validity)
        case (.identity, .bytes(let offsets, let data)):
            return BinaryArray(type, offsets: offsets, bytes: data, validity: validity)
        case (.int32ToInt8, .int32(let v)):
            return PrimitiveArray(type, storage: v.map { Int8(truncatingIfNeeded: $0) }, validity: validity)
        case (.int32ToInt16, .int32(let v)):
            return PrimitiveArray(type, storage: v.map { Int16(truncatingIfNeeded: $0) }, validity: validity)
        case (.uint8ToInt16, .int32(let v)):
            return PrimitiveArray(type, storage: v.map { Int16(UInt8(truncatingIfNeeded: $0)) }, validity: validity)
        case (.uint16ToInt32, .int32(let v)):
            return PrimitiveArray(type, storage: v.map { Int32(UInt16(truncatingIfNeeded: $0)) }, validity: validity)
        case (.uint32ToInt64, .int32(let v)):
            return PrimitiveArray(type, storage: v.map { Int64(UInt32(bitPattern: $0)) }, validity: validity)
        case (.uint64ToInt64, .int64(let v)):
            if let large = v.first(where: { $0 < 0 }) {
                throw ParquetError(.unsupported, "UINT64 value \(UInt64(bitPattern: large)) exceeds the int64 range")
            }
            return PrimitiveArray(type, storage: v, validity: validity)
        case (.decimalFromInt32, .int32(let v)):
            return PrimitiveArray(type, storage: v.map { Int128($0) }, validity: validity)
        case (.decimalFromInt64, .int64(let v)):
            return PrimitiveArray(type, storage: v.map { Int128($0) }, validity: validity)
        case (.decimalFromBytes, .bytes(let offsets, let data)):
            var out = [Int128](repeating: 0, count: offsets.count - 1)
            try data.withUnsafeBytes { bytes in
                for i in 0..<out.count {
                    let range = Int(offsets[i])..<Int(offsets[i + 1])
                    out[i] = try decimalValue(UnsafeRawBufferPointer(rebasing: bytes[range]))
                }
            }
            return PrimitiveArray(type, storage: out, validity: validity)
        case (.decimalFromBytes, .fixedBytes(let width, let data)):
            var out = [Int128](repeating: 0, count: count)
            try data.withUnsafeBytes { bytes in
                for i in 0..<out.count {
                    out[i] = try decimalValue(UnsafeRawBufferPointer(rebasing: bytes[(i * width)..<((i + 1) * width)]))
                }
            }
            return PrimitiveArray(type, storage: out, validity: validity)
        case (.float16ToFloat, .fixedBytes(2, let data)):
            var out = [Float](repeating: 0, count: data.count / 2)
            for i in 0..<out.count { out[i] = halfToFloat(UInt16(data[2 * i]) | UInt16(data[2 * i + 1]) << 8) }
            return PrimitiveArray(type, storage: out, validity: validity)
        case (.timeMillisToMicros, .int32(let v)):
            return PrimitiveArray(type, storage: v.map { Int64($0) * 1000 }, validity: validity)
        case (.timeNanosToMicros, .int64(let v)):
            return PrimitiveArray(type, storage: v.map { $0 / 1000 }, validity: validity)
        case (.fixedToBinary, .fixedBytes(let width, let data)):
            guard data.count <= Int(Int32.max) else { throw PlainDecoder.tooLarge() }
            let offsets = (0...count).map { Int32($0 * width) }
            return BinaryArray(type, offsets: offsets, bytes: data, validity: validity)
        default:
            throw ParquetError(.unsupported, "cannot convert the column's physical values to \(type)")
        }
    }
}

/// A big-endian two's complement integer of any length as Int128; throws if it
/// does not fit.
func decimalValue(_ bytes: UnsafeRawBufferPointer) throws -> Int128 {
    guard let first = bytes.first else { return 0 }
    let negative = first & 0x80 != 0
    let extra = bytes.count - 16
    if extra > 0 {
        let fill: UInt8 = negative ? 0xff : 0
        for i in 0..<extra where bytes[i] != fill {
            throw ParquetError(.unsupported, "decimal value of \(bytes.count) bytes exceeds 128 bits")
        }
        guard (bytes[extra] & 0x80 != 0) == negative else {
            throw ParquetError(.unsupported, "decimal value of \(bytes.count) bytes exceeds 128 bits")
        }
    }
    var value: UInt128 = negative ? ~0 : 0
    for i in max(0, extra)..<bytes.count { value = value << 8 | UInt128(bytes[i]) }
    return Int128(bitPattern: value)
}

/// IEEE 754 half precision bits as a Float.
func halfToFloat(_ bits: UInt16) -> Float {
    let sign = UInt32(bits & 0x8000) << 16
    let exponent = Int(bits >> 10) & 0x1f
    let mantissa = UInt32(bits & 0x3ff)
    if exponent == 0x1f {
        return Float(bitPattern: sign | 0x7f80_0000 | mantissa << 13)
    }
    if exponent == 0 {
        let magnitude = Float(mantissa) * Float(sign: .plus, exponent: -24, significand: 1)
        return sign != 0 ? -magnitude : magnitude
    }
    return Float(bitPattern: sign | UInt32(exponent - 15 + 127) << 23 | mantissa << 13)
}
