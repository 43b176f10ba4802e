/// Writes the RLE / bit-packing hybrid encoding used for definition and repetition
/// levels and for dictionary indices (apache/parquet-format `Encodings.md`).
///
/// A run of eight or more equal values becomes an RLE run; everything else is
/// bit-packed in groups of eight, LSB first. A bit-packed section that meets a long
/// run is first topped up to a whole group with values taken from that run, so no
/// padding ever appears except after the last value.
enum RLEHybridEncoder {
    /// Number of bits needed to store `maxValue` (0 for 0).
    @inline(__always)
    static func bitWidth(forMaxValue maxValue: UInt64) -> Int {
        maxValue == 0 ? 0 : 64 - maxValue.leadingZeroBitCount
    }

    /// An upper bound of the bytes ``encode(_:bitWidth:into:)`` appends for `count` values.
    static func maxEncodedSize(count: Int, bitWidth: Int) -> Int {
        // Every RLE run consumes at least eight values, and each eight values cost at most
        // one bit-packed header, one RLE header with its value, and one packed group.
        (count / 8 + 2) * (bitWidth + 2 * 10 + 8)
    }

    /// Appends `values` encoded with `bitWidth` bits each (no length prefix, no bit-width
    /// byte). Every value must fit in `bitWidth` bits.
    static func encode<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>, bitWidth: Int, into out: inout [UInt8]
    ) {
        precondition(bitWidth >= 0 && bitWidth <= 32, "bit width \(bitWidth) out of range")
        let count = values.count
        guard count > 0 else { return }
        out.appendWritten(capacity: maxEncodedSize(count: count, bitWidth: bitWidth)) { base in
            var cursor = base
            encode(values, bitWidth: bitWidth, cursor: &cursor)
            return cursor - base
        }
    }

    private static func encode<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>, bitWidth: Int, cursor: inout UnsafeMutablePointer<UInt8>
    ) {
        let count = values.count
        let valueBytes = (bitWidth + 7) / 8
        var literalStart = 0
        var i = 0
        while i < count {
            let value = values[i]
            var j = i &+ 1
            if j < count && values[j] == value {
                j = runEnd(values, value: value, from: j &+ 1)
            }
            guard j &- i >= 8 else {
                i = j
                continue
            }
            var runStart = i
            let pending = i - literalStart
            if pending > 0 {
                let pad = (8 - pending % 8) % 8
                writeBitPacked(values, literalStart..<(i + pad), bitWidth: bitWidth, cursor: &cursor)
                runStart = i + pad
            }
            writeVarint(UInt64(j - runStart) << 1, cursor: &cursor)
            var v = UInt64(value)
            for _ in 0..<valueBytes {
                cursor.pointee = UInt8(truncatingIfNeeded: v)
                cursor += 1
                v >>= 8
            }
            i = j
            literalStart = j
        }
        if literalStart < count {
            writeBitPacked(values, literalStart..<count, bitWidth: bitWidth, cursor: &cursor)
        }
    }

    /// The end of the run of `value` that continues at `start`, comparing eight bytes
    /// at a time while they can.
    @inline(__always)
    private static func runEnd<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>, value: T, from start: Int
    ) -> Int {
        let count = values.count
        var j = start
        let size = MemoryLayout<T>.size
        if size <= 4, let base = values.baseAddress {
            let perWord = 8 / size
            let lane: UInt64 = size == 1 ? 0x0101_0101_0101_0101 : size == 2 ? 0x0001_0001_0001_0001 : 0x0000_0001_0000_0001
            let pattern = UInt64(truncatingIfNeeded: value) &* lane
            let raw = UnsafeRawPointer(base)
            while j &+ perWord <= count && raw.loadUnaligned(fromByteOffset: j &* size, as: UInt64.self) == pattern {
                j &+= perWord
            }
        }
        while j < count && values[j] == value { j &+= 1 }
        return j
    }

    /// Writes `range` as one bit-packed run, zero-padded to a multiple of eight values.
    /// Values are gathered into a 64-bit word that is stored whole whenever it fills.
    @inline(__always)
    private static func writeBitPacked<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>, _ range: Range<Int>, bitWidth: Int,
        cursor: inout UnsafeMutablePointer<UInt8>
    ) {
        let groups = (range.count + 7) / 8
        writeVarint(UInt64(groups) << 1 | 1, cursor: &cursor)
        guard bitWidth > 0 else { return }
        let width = UInt64(bitWidth)
        var word: UInt64 = 0
        var bits: UInt64 = 0
        let raw = UnsafeMutableRawPointer(cursor)
        var written = 0
        var k = range.lowerBound
        let end = range.upperBound
        while k < end {
            // Values fit in `width` bits, so the shift leaves the carry (or nothing).
            let v = UInt64(truncatingIfNeeded: values[k])
            word |= v &<< bits
            bits &+= width
            if bits >= 64 {
                raw.storeBytes(of: word.littleEndian, toByteOffset: written, as: UInt64.self)
                written &+= 8
                bits &-= 64
                word = v &>> (width &- bits)
            }
            k &+= 1
        }
        // Zero padding up to a whole group.
        var padding = groups * 8 - range.count
        while padding > 0 {
            bits &+= width
            if bits >= 64 {
                raw.storeBytes(of: word.littleEndian, toByteOffset: written, as: UInt64.self)
                written &+= 8
                bits &-= 64
                word = 0
            }
            padding &-= 1
        }
        // Whole groups make a whole number of bytes.
        var remaining = Int(bits / 8)
        while remaining > 0 {
            raw.storeBytes(of: UInt8(truncatingIfNeeded: word), toByteOffset: written, as: UInt8.self)
            word >>= 8
            written += 1
            remaining -= 1
        }
        cursor += written
    }

    @inline(__always)
    static func writeVarint(_ value: UInt64, cursor: inout UnsafeMutablePointer<UInt8>) {
        var v = value
        while v >= 0x80 {
            cursor.pointee = UInt8(truncatingIfNeeded: v) | 0x80
            cursor += 1
            v >>= 7
        }
        cursor.pointee = UInt8(v)
        cursor += 1
    }
}
