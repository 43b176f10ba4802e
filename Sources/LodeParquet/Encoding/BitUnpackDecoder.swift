/// Unpacks values stored back to back with a fixed bit width, least significant
/// bit first, as PLAIN booleans, RLE/bit-packed runs and delta miniblocks store them.
enum BitUnpackDecoder {
    /// The value mask for `bitWidth` bits (0...64).
    @inline(__always)
    static func mask(_ bitWidth: Int) -> UInt64 {
        bitWidth >= 64 ? ~0 : (1 << UInt64(bitWidth)) &- 1
    }

    /// Unpacks `count` values of `bitWidth` bits (0...64) starting at bit `startBit`
    /// of `source` into `out`, truncating each to `T`.
    ///
    /// The caller guarantees `source.count * 8 >= startBit + count * bitWidth`.
    @inline(__always)
    static func unpack<T: FixedWidthInteger>(_ source: UnsafeRawBufferPointer, startBit: Int = 0, bitWidth: Int,
                                             count: Int, into out: UnsafeMutablePointer<T>) {
        if count == 0 { return }
        if bitWidth == 0 {
            out.initialize(repeating: 0, count: count)
            return
        }
        let m = mask(bitWidth)
        let size = source.count
        guard let base = source.baseAddress else { return }
        var bit = startBit
        var i = 0
        if bitWidth <= 56 {
            // One unaligned 8-byte load holds any value of up to 56 bits plus its shift.
            while i < count {
                let byte = bit >> 3
                guard byte + 8 <= size else { break }
                let word = UInt64(littleEndian: (base + byte).loadUnaligned(as: UInt64.self))
                out[i] = T(truncatingIfNeeded: (word >> UInt64(bit & 7)) & m)
                bit += bitWidth
                i += 1
            }
        }
        while i < count {
            out[i] = T(truncatingIfNeeded: slowValue(base, size: size, bit: bit, bitWidth: bitWidth))
            bit += bitWidth
            i += 1
        }
    }

    /// One value read byte by byte, for the tail of a buffer and widths above 56.
    @inline(never)
    static func slowValue(_ base: UnsafeRawPointer, size: Int, bit: Int, bitWidth: Int) -> UInt64 {
        var value: UInt64 = 0
        var produced = 0
        var position = bit
        while produced < bitWidth {
            let byteIndex = position >> 3
            let offset = position & 7
            let byte = byteIndex < size ? UInt64(base.load(fromByteOffset: byteIndex, as: UInt8.self)) : 0
            let take = min(8 - offset, bitWidth - produced)
            value |= ((byte >> UInt64(offset)) & mask(take)) << UInt64(produced)
            produced += take
            position += take
        }
        return value
    }

    /// Unpacks `count` bits (LSB first) into booleans.
    static func unpackBooleans(_ source: UnsafeRawBufferPointer, count: Int, into out: UnsafeMutablePointer<Bool>) {
        guard let base = source.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var i = 0
        let whole = count >> 3
        for byteIndex in 0..<whole {
            let byte = base[byteIndex]
            for b in 0..<8 { out[i + b] = (byte >> UInt8(b)) & 1 != 0 }
            i += 8
        }
        while i < count {
            out[i] = (base[i >> 3] >> UInt8(i & 7)) & 1 != 0
            i += 1
        }
    }

    /// The number of bits needed to store `maxValue`.
    static func bitWidth(of maxValue: Int) -> Int {
        maxValue <= 0 ? 0 : UInt64.bitWidth - UInt64(maxValue).leadingZeroBitCount
    }
}
