/// Decodes the repetition or definition levels at the start of a data page.
enum PageLevelsDecoder {
    /// Decodes `count` levels (each at most `maxLevel`) from a V1 data page, where
    /// RLE levels carry a 4-byte length prefix and BIT_PACKED levels take a computed
    /// number of bytes; returns the bytes consumed.
    static func decodeV1(_ bytes: UnsafeRawBufferPointer, encoding: Encoding, count: Int, maxLevel: Int,
                         into out: UnsafeMutablePointer<UInt8>) throws -> Int {
        let bitWidth = BitUnpackDecoder.bitWidth(of: maxLevel)
        switch encoding {
        case .rle:
            var cursor = DecodeCursor(bytes)
            let length = Int(try cursor.readUInt32LE())
            let data = try cursor.readBytes(length)
            var decoder = try RleHybridDecoder(data, bitWidth: bitWidth)
            try decoder.decode(into: out, count: count)
            try check(out, count: count, maxLevel: maxLevel)
            return 4 + length
        case .bitPacked:
            try LegacyBitPackedDecoder.decode(bytes, count: count, bitWidth: bitWidth, into: out)
            try check(out, count: count, maxLevel: maxLevel)
            return LegacyBitPackedDecoder.byteCount(count: count, bitWidth: bitWidth)
        default:
            throw ParquetError(.unsupported, "level encoding \(encoding)")
        }
    }

    /// Decodes `count` levels from a V2 data page's level section (RLE, no prefix).
    static func decodeV2(_ bytes: UnsafeRawBufferPointer, count: Int, maxLevel: Int,
                         into out: UnsafeMutablePointer<UInt8>) throws {
        var decoder = try RleHybridDecoder(bytes, bitWidth: BitUnpackDecoder.bitWidth(of: maxLevel))
        try decoder.decode(into: out, count: count)
        try check(out, count: count, maxLevel: maxLevel)
    }

    private static func check(_ levels: UnsafeMutablePointer<UInt8>, count: Int, maxLevel: Int) throws {
        var maximum: UInt8 = 0
        for i in 0..<count { maximum = max(maximum, levels[i]) }
        guard Int(maximum) <= maxLevel else {
            throw ParquetError(.corruptData, "level \(maximum) exceeds the column's maximum \(maxLevel)")
        }
    }

    /// Number of levels equal to `level`.
    static func count(_ levels: UnsafePointer<UInt8>, _ n: Int, equalTo level: UInt8) -> Int {
        var total = 0
        for i in 0..<n where levels[i] == level { total += 1 }
        return total
    }
}
