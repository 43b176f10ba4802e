/// Decodes the deprecated BIT_PACKED level encoding: values packed back to back,
/// most significant bit first, with no header.
enum LegacyBitPackedDecoder {
    /// The number of bytes `count` values of `bitWidth` bits take.
    static func byteCount(count: Int, bitWidth: Int) -> Int { (count * bitWidth + 7) / 8 }

    /// Decodes `count` levels of `bitWidth` bits (0...8) from the start of `bytes`.
    static func decode(_ bytes: UnsafeRawBufferPointer, count: Int, bitWidth: Int, into out: UnsafeMutablePointer<UInt8>) throws {
        guard byteCount(count: count, bitWidth: bitWidth) <= bytes.count else {
            throw ParquetError(.corruptData, "BIT_PACKED levels need \(byteCount(count: count, bitWidth: bitWidth)) bytes, \(bytes.count) remain")
        }
        var bit = 0
        for i in 0..<count {
            var value: UInt8 = 0
            for _ in 0..<bitWidth {
                let byte = bytes[bit >> 3]
                value = value << 1 | (byte >> UInt8(7 - bit & 7)) & 1
                bit += 1
            }
            out[i] = value
        }
    }
}
