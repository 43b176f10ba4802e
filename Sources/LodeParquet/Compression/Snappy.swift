/// Raw Snappy: the block format of google/snappy (no framing), as Parquet stores it.
///
/// A block is the uncompressed length as a little-endian base-128 varint, then a
/// sequence of elements. Each element opens with a tag byte whose low two bits give its
/// kind: `00` literal, `01` copy with an 11-bit offset and a length of 4...11, `10` copy
/// with a 16-bit offset, `11` copy with a 32-bit offset (both with a length of 1...64).
/// The compressor is in `Snappy+Compress.swift`, the decompressor in
/// `Snappy+Decompress.swift`.
enum Snappy {
    /// Tag kinds, the low two bits of an element's first byte.
    static let literalTag: UInt8 = 0b00
    static let copy1Tag: UInt8 = 0b01
    static let copy2Tag: UInt8 = 0b10
    static let copy4Tag: UInt8 = 0b11

    /// The largest uncompressed length the varint preamble can state.
    static let maxUncompressedLength = Int(UInt32.max)

    /// An upper bound on the compressed size of `length` input bytes, as google/snappy's
    /// `MaxCompressedLength`.
    static func maxCompressedLength(_ length: Int) -> Int {
        32 + length + length / 6
    }

    /// Reads the varint preamble at the start of `input`: the uncompressed length and
    /// how many bytes it takes, or `nil` when it is truncated, longer than five bytes or
    /// larger than `UInt32.max`.
    static func readLengthPreamble(_ input: UnsafeRawBufferPointer) -> (length: Int, size: Int)? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for index in 0..<min(input.count, 5) {
            let byte = input[index]
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                guard value <= UInt64(UInt32.max) else { return nil }
                return (Int(value), index + 1)
            }
            shift += 7
        }
        return nil
    }

    /// Writes `value` as a varint at `output` and returns the byte after it.
    static func writeLengthPreamble(_ value: UInt32, to output: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        var value = value
        var op = output
        while value >= 0x80 {
            op.storeBytes(of: UInt8(truncatingIfNeeded: value) | 0x80, as: UInt8.self)
            op += 1
            value >>= 7
        }
        op.storeBytes(of: UInt8(truncatingIfNeeded: value), as: UInt8.self)
        return op + 1
    }
}
