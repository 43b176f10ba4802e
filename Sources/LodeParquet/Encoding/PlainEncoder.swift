#if _endian(big)
#error("PlainEncoder copies little-endian memory as is")
#endif

/// Writes values in Parquet's PLAIN encoding: fixed-width values little-endian,
/// booleans bit-packed LSB first, byte arrays as a 4-byte little-endian length and
/// the bytes, fixed-length decimals big-endian two's complement.
enum PlainEncoder {
    /// Appends fixed-width values (INT32, INT64, FLOAT, DOUBLE) as they lie in memory.
    @inline(__always)
    static func appendFixedWidth<T>(_ values: UnsafeBufferPointer<T>, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeRawBufferPointer(values))
    }

    /// Appends booleans (one `UInt8` 0 or 1 each) bit-packed, eight to a byte.
    static func appendBooleans(_ values: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let byteCount = (values.count + 7) / 8
        let start = out.count
        out.appendFilled(0, count: byteCount)
        out.withUnsafeMutableBufferPointer { buffer in
            let p = buffer.baseAddress! + start
            var i = 0
            var byteIndex = 0
            while i + 8 <= values.count {
                var b: UInt8 = 0
                for k in 0..<8 { b |= (values[i + k] & 1) << UInt8(k) }
                p[byteIndex] = b
                byteIndex += 1
                i += 8
            }
            if i < values.count {
                var b: UInt8 = 0
                for k in 0..<(values.count - i) { b |= (values[i + k] & 1) << UInt8(k) }
                p[byteIndex] = b
            }
        }
    }

    /// Appends decimals as `byteWidth`-byte big-endian two's complement (FIXED_LEN_BYTE_ARRAY).
    static func appendBigEndian(_ values: UnsafeBufferPointer<Int128>, byteWidth: Int, to out: inout [UInt8]) {
        let start = out.count
        out.appendFilled(0, count: values.count * byteWidth)
        out.withUnsafeMutableBufferPointer { buffer in
            var p = buffer.baseAddress! + start
            for v in values {
                writeBigEndian(v, byteWidth: byteWidth, to: p)
                p += byteWidth
            }
        }
    }

    /// `value` as `byteWidth` big-endian bytes, the low bytes of its two's complement.
    static func bigEndianBytes(_ value: Int128, byteWidth: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: byteWidth) { buffer, count in
            writeBigEndian(value, byteWidth: byteWidth, to: buffer.baseAddress!)
            count = byteWidth
        }
    }

    @inline(__always)
    private static func writeBigEndian(_ value: Int128, byteWidth: Int, to p: UnsafeMutablePointer<UInt8>) {
        var v = UInt128(truncatingIfNeeded: value)
        var k = byteWidth - 1
        while k >= 0 {
            p[k] = UInt8(truncatingIfNeeded: v)
            v >>= 8
            k -= 1
        }
    }

    /// Appends the byte arrays `bytes[offsets[i] ..< offsets[i + 1]]` for each `i` of
    /// `selection`, each behind its 4-byte little-endian length.
    static func appendByteArrays(offsets: UnsafeBufferPointer<Int32>, bytes: UnsafeBufferPointer<UInt8>,
                                 selection: ValueSelection, to out: inout [UInt8]) {
        var total = 0
        selection.forEach { i in total += 4 + Int(offsets[i + 1] - offsets[i]) }
        let start = out.count
        out.appendFilled(0, count: total)
        out.withUnsafeMutableBufferPointer { buffer in
            let raw = UnsafeMutableRawPointer(buffer.baseAddress! + start)
            var position = 0
            let source = bytes.baseAddress
            selection.forEach { i in
                let from = Int(offsets[i]), length = Int(offsets[i + 1]) - from
                raw.storeBytes(of: UInt32(truncatingIfNeeded: length).littleEndian, toByteOffset: position, as: UInt32.self)
                if length > 0, let source {
                    (raw + position + 4).copyMemory(from: source + from, byteCount: length)
                }
                position += 4 + length
            }
        }
    }
}
