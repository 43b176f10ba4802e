import Foundation
import LodeCore
@testable import LodeParquet

/// Builds small Parquet files by hand (uncompressed V1 pages, PLAIN values) for
/// schema shapes and damage that common writers do not produce.
struct ReaderTestFileBuilder {
    /// One leaf column's content in one row group.
    struct Leaf {
        var type: PhysicalType
        var repetitions: [UInt8] = []
        var definitions: [UInt8] = []
        /// PLAIN-encoded non-null values (or any bytes, with `encoding`).
        var values: [UInt8]
        var encoding: Encoding = .plain
        var definitionEncoding: Encoding = .rle
        var maxRepetition = 0
        var maxDefinition = 0
        var codec: CompressionCodec = .uncompressed
    }

    var schema: [SchemaElement]
    var leaves: [Leaf]
    var rows: Int

    /// The file's bytes; `editMetadata` may change the footer before it is written.
    func build(editMetadata: (inout FileMetaData) -> Void = { _ in }) -> [UInt8] {
        var file = Array("PAR1".utf8)
        var chunks: [ColumnChunk] = []
        for leaf in leaves {
            var body: [UInt8] = []
            if leaf.maxRepetition > 0 { body += Self.rleLevels(leaf.repetitions, maxLevel: leaf.maxRepetition) }
            if leaf.maxDefinition > 0 {
                if leaf.definitionEncoding == .bitPacked {
                    body += Self.legacyBitPacked(leaf.definitions, maxLevel: leaf.maxDefinition)
                } else {
                    body += Self.rleLevels(leaf.definitions, maxLevel: leaf.maxDefinition)
                }
            }
            body += leaf.values
            let count = max(leaf.definitions.count, leaf.repetitions.count, leaf.maxDefinition == 0 ? rows : 0)
            var header = PageHeader(type: .dataPage, uncompressedPageSize: Int32(body.count), compressedPageSize: Int32(body.count))
            header.dataPageHeader = DataPageHeader(numValues: Int32(count), encoding: leaf.encoding,
                                                   definitionLevelEncoding: leaf.definitionEncoding,
                                                   repetitionLevelEncoding: .rle)
            var page: [UInt8] = []
            header.encode(into: &page)
            page += body
            let offset = file.count
            file += page
            let path = schema.isEmpty ? [] : [schema[1].name]
            let meta = ColumnMetaData(type: leaf.type, encodings: [leaf.encoding], pathInSchema: path, codec: leaf.codec,
                                      numValues: Int64(count), totalUncompressedSize: Int64(page.count),
                                      totalCompressedSize: Int64(page.count), dataPageOffset: Int64(offset))
            chunks.append(ColumnChunk(fileOffset: Int64(offset), metaData: meta))
        }
        var metadata = FileMetaData(version: 1, schema: schema, numRows: Int64(rows),
                                    rowGroups: [RowGroup(columns: chunks, totalByteSize: Int64(file.count), numRows: Int64(rows))])
        metadata.createdBy = "lode test builder"
        editMetadata(&metadata)
        let footer = metadata.thriftEncoded()
        file += footer
        let length = UInt32(footer.count)
        file += [UInt8(length & 0xff), UInt8(length >> 8 & 0xff), UInt8(length >> 16 & 0xff), UInt8(length >> 24)]
        file += Array("PAR1".utf8)
        return file
    }

    /// Levels as one RLE/bit-packed hybrid bit-packed run, with the V1 length prefix.
    static func rleLevels(_ levels: [UInt8], maxLevel: Int) -> [UInt8] {
        let width = BitUnpackDecoder.bitWidth(of: maxLevel)
        let groups = (levels.count + 7) / 8
        var run = varint(UInt64(groups << 1 | 1))
        var bits = [UInt8](repeating: 0, count: groups * width)
        for (i, level) in levels.enumerated() {
            for b in 0..<width where level >> b & 1 == 1 {
                let bit = i * width + b
                bits[bit / 8] |= 1 << (bit % 8)
            }
        }
        run += bits
        let n = UInt32(run.count)
        return [UInt8(n & 0xff), UInt8(n >> 8 & 0xff), UInt8(n >> 16 & 0xff), UInt8(n >> 24)] + run
    }

    /// Levels in the deprecated BIT_PACKED encoding (most significant bit first).
    static func legacyBitPacked(_ levels: [UInt8], maxLevel: Int) -> [UInt8] {
        let width = BitUnpackDecoder.bitWidth(of: maxLevel)
        var bytes = [UInt8](repeating: 0, count: (levels.count * width + 7) / 8)
        for (i, level) in levels.enumerated() {
            for b in 0..<width where level >> (width - 1 - b) & 1 == 1 {
                let bit = i * width + b
                bytes[bit / 8] |= 0x80 >> (bit % 8)
            }
        }
        return bytes
    }

    static func varint(_ value: UInt64) -> [UInt8] {
        var v = value, out: [UInt8] = []
        repeat {
            let byte = UInt8(v & 0x7f)
            v >>= 7
            out.append(v == 0 ? byte : byte | 0x80)
        } while v != 0
        return out
    }

    static func plainInt32(_ values: [Int32]) -> [UInt8] {
        values.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
    }

    static func plainStrings(_ values: [String]) -> [UInt8] {
        values.flatMap { s in plainInt32([Int32(s.utf8.count)]) + Array(s.utf8) }
    }

    /// DELTA_BINARY_PACKED with blocks of 128 values in 4 miniblocks.
    static func deltaBinaryPacked(_ values: [Int64]) -> [UInt8] {
        func zigzag(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }
        var out = varint(128) + varint(4) + varint(UInt64(values.count)) + varint(zigzag(values.first ?? 0))
        var deltas: [Int64] = []
        for i in 1..<max(values.count, 1) where values.count > 1 { deltas.append(values[i] &- values[i - 1]) }
        var start = 0
        while start < deltas.count {
            let block = Array(deltas[start..<min(start + 128, deltas.count)])
            let minDelta = block.min()!
            out += varint(zigzag(minDelta))
            var widths: [UInt8] = []
            var miniblocks: [UInt8] = []
            for m in 0..<4 {
                let lower = m * 32
                guard lower < block.count else { widths.append(0); continue }
                let part = block[lower..<min(lower + 32, block.count)].map { UInt64(bitPattern: $0 &- minDelta) }
                let width = part.map { 64 - $0.leadingZeroBitCount }.max() ?? 0
                widths.append(UInt8(width))
                var bits = [UInt8](repeating: 0, count: 32 * width / 8)
                for (i, v) in part.enumerated() {
                    for b in 0..<width where v >> UInt64(b) & 1 == 1 {
                        let bit = i * width + b
                        bits[bit / 8] |= 1 << (bit % 8)
                    }
                }
                miniblocks += bits
            }
            out += widths + miniblocks
            start += 128
        }
        return out
    }
}
