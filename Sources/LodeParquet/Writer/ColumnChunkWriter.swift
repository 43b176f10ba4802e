import LodeCore

/// Encodes one leaf column of the current row group into compressed V1 data pages
/// held in memory, and writes them out as a column chunk (dictionary page first) when
/// the row group is complete.
///
/// Memory stays at about the row group's compressed pages of this column, plus one
/// page being filled; buffers are reused from row group to row group.
final class ColumnChunkWriter {
    /// Top-level rows shredded and encoded at a time; a page is closed, when full,
    /// only between steps, so pages never split a row.
    static let rowsPerStep = 1024

    let leaf: LeafColumn
    private let codec: CompressionCodec
    private let compressionLevel: Int?
    private let dataPageSize: Int
    private let rowsPerStep: Int
    private let values: any ValueEncoder
    private let definitionBitWidth: Int
    private let repetitionBitWidth: Int
    private var shredded = ShreddedLeaf()

    // The page being filled.
    private var definitionLevels: [UInt8] = []
    private var repetitionLevels: [UInt8] = []
    private var pageLevelCount = 0
    private var pageBody: [UInt8] = []

    // The column chunk so far.
    private var dataPages: [UInt8] = []
    private var dataUncompressedBytes = 0
    private var dataPageCounts: [Encoding: Int32] = [:]
    private var valueCount = 0
    private var nullCount = 0
    private var dictionaryPage: [UInt8] = []
    private var dictionaryUncompressedBytes = 0
    private var statistics = Statistics()

    init(leaf: LeafColumn, options: ParquetWriteOptions) throws {
        self.leaf = leaf
        codec = options.compression
        compressionLevel = options.compressionLevel
        dataPageSize = options.dataPageSize
        // Page size is checked between steps, so small pages need small steps.
        rowsPerStep = max(16, min(ColumnChunkWriter.rowsPerStep, options.dataPageSize / 64))
        values = try ColumnChunkWriter.makeValueEncoder(leaf, options: options)
        definitionBitWidth = RLEHybridEncoder.bitWidth(forMaxValue: UInt64(leaf.maxDefinitionLevel))
        repetitionBitWidth = RLEHybridEncoder.bitWidth(forMaxValue: UInt64(leaf.maxRepetitionLevel))
    }

    /// Uncompressed bytes buffered for the row group so far, estimated.
    var bufferedBytes: Int {
        dataUncompressedBytes + values.dictionaryByteCount + values.pageByteEstimate + pageLevelCount / 4
    }

    /// Encodes `rows` of `column`, the top-level array holding this leaf.
    func write(_ column: any ColumnArray, rows: Range<Int>) throws {
        var start = rows.lowerBound
        while start < rows.upperBound {
            let end = min(start + rowsPerStep, rows.upperBound)
            try LevelShredder.shred(column, rows: start..<end, leaf: leaf, into: &shredded)
            definitionLevels.append(contentsOf: shredded.definitionLevels)
            repetitionLevels.append(contentsOf: shredded.repetitionLevels)
            if let array = shredded.leafArray { try values.append(array, shredded.selection) }
            pageLevelCount += shredded.levelCount
            valueCount += shredded.levelCount
            nullCount += shredded.nullCount
            if values.dictionaryIsFull {
                try flushPage()
                values.fallBackToPlain()
            } else if values.pageByteEstimate + pageLevelCount / 4 >= dataPageSize {
                try flushPage()
            }
            start = end
        }
        // Holds no reference to the caller's arrays between batches.
        shredded.leafArray = nil
        shredded.selection = .range(0..<0)
    }

    /// Closes the last page and prepares the dictionary page and statistics.
    func finish() throws {
        try flushPage()
        dictionaryPage.removeAll(keepingCapacity: true)
        dictionaryUncompressedBytes = 0
        if let dictionary = values.dictionaryPage() {
            var header = PageHeader(type: .dictionaryPage, uncompressedPageSize: 0, compressedPageSize: 0)
            header.dictionaryPageHeader = DictionaryPageHeader(numValues: try int32(dictionary.count, "dictionary entries"),
                                                               encoding: .plain)
            dictionaryUncompressedBytes = try appendPage(&header, body: dictionary.body, to: &dictionaryPage)
        }
        statistics = Statistics()
        statistics.nullCount = Int64(nullCount)
        if let bounds = values.statisticsBounds() {
            statistics.minValue = bounds.min
            statistics.maxValue = bounds.max
            if leaf.storage.physicalType != .byteArray && leaf.storage.physicalType != .fixedLenByteArray {
                // Signed order, so the deprecated fields mean the same.
                statistics.min = bounds.min
                statistics.max = bounds.max
            }
        }
    }

    /// Writes the finished chunk to `sink` and returns its footer entry; the writer is
    /// then ready for the next row group.
    func writeChunk(to sink: inout any ParquetSink) throws -> ColumnChunk {
        let start = sink.position
        var dictionaryOffset: Int64? = nil
        if !dictionaryPage.isEmpty {
            dictionaryOffset = Int64(start)
            try dictionaryPage.withUnsafeBytes { try sink.write($0) }
        }
        let dataOffset = Int64(sink.position)
        try dataPages.withUnsafeBytes { try sink.write($0) }

        var encodings: [Encoding] = []
        if dictionaryOffset != nil { encodings.append(.plain) }
        if leaf.maxDefinitionLevel > 0 || leaf.maxRepetitionLevel > 0 { encodings.append(.rle) }
        for encoding in dataPageCounts.keys.sorted(by: { $0.rawValue < $1.rawValue }) where !encodings.contains(encoding) {
            encodings.append(encoding)
        }
        var encodingStats: [PageEncodingStats] = []
        if dictionaryOffset != nil { encodingStats.append(PageEncodingStats(pageType: .dictionaryPage, encoding: .plain, count: 1)) }
        for (encoding, count) in dataPageCounts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            encodingStats.append(PageEncodingStats(pageType: .dataPage, encoding: encoding, count: count))
        }
        var metaData = ColumnMetaData(
            type: leaf.storage.physicalType, encodings: encodings, pathInSchema: leaf.path, codec: codec,
            numValues: Int64(valueCount),
            totalUncompressedSize: Int64(dictionaryUncompressedBytes + dataUncompressedBytes),
            totalCompressedSize: Int64(dictionaryPage.count + dataPages.count), dataPageOffset: dataOffset)
        metaData.dictionaryPageOffset = dictionaryOffset
        metaData.statistics = statistics
        metaData.encodingStats = encodingStats
        reset()
        return ColumnChunk(fileOffset: Int64(start), metaData: metaData)
    }

    private func reset() {
        definitionLevels.removeAll(keepingCapacity: true)
        repetitionLevels.removeAll(keepingCapacity: true)
        pageLevelCount = 0
        dataPages.removeAll(keepingCapacity: true)
        dataUncompressedBytes = 0
        dataPageCounts = [:]
        valueCount = 0
        nullCount = 0
        dictionaryPage.removeAll(keepingCapacity: true)
        dictionaryUncompressedBytes = 0
        statistics = Statistics()
        values.resetChunk()
    }

    /// Closes the current page: levels, then values, compressed behind a DATA_PAGE header.
    private func flushPage() throws {
        guard pageLevelCount > 0 else { return }
        pageBody.removeAll(keepingCapacity: true)
        if leaf.maxRepetitionLevel > 0 { appendLevels(repetitionLevels, bitWidth: repetitionBitWidth) }
        if leaf.maxDefinitionLevel > 0 { appendLevels(definitionLevels, bitWidth: definitionBitWidth) }
        let encoding = values.flushPage(into: &pageBody)
        var header = PageHeader(type: .dataPage, uncompressedPageSize: 0, compressedPageSize: 0)
        header.dataPageHeader = DataPageHeader(numValues: try int32(pageLevelCount, "values in a page"), encoding: encoding,
                                               definitionLevelEncoding: .rle, repetitionLevelEncoding: .rle)
        dataUncompressedBytes += try appendPage(&header, body: pageBody, to: &dataPages)
        dataPageCounts[encoding, default: 0] += 1
        definitionLevels.removeAll(keepingCapacity: true)
        repetitionLevels.removeAll(keepingCapacity: true)
        pageLevelCount = 0
    }

    /// Levels of a V1 page: a 4-byte little-endian length, then the RLE/bit-packed hybrid.
    private func appendLevels(_ levels: [UInt8], bitWidth: Int) {
        let lengthOffset = pageBody.count
        pageBody.append(contentsOf: [0, 0, 0, 0])
        levels.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: bitWidth, into: &pageBody) }
        let length = UInt32(truncatingIfNeeded: pageBody.count - lengthOffset - 4)
        for k in 0..<4 { pageBody[lengthOffset + k] = UInt8(truncatingIfNeeded: length >> UInt32(8 * k)) }
    }

    /// Appends `header` and `body` compressed to `out`, filling in the header's sizes;
    /// returns the uncompressed size of both.
    private func appendPage(_ header: inout PageHeader, body: [UInt8], to out: inout [UInt8]) throws -> Int {
        let compressed: [UInt8]? = codec == .uncompressed ? nil : try body.withUnsafeBytes {
            try Codec.compress(codec, $0, level: compressionLevel)
        }
        header.uncompressedPageSize = try int32(body.count, "bytes in a page")
        header.compressedPageSize = try int32(compressed?.count ?? body.count, "compressed bytes in a page")
        let headerStart = out.count
        header.encode(into: &out)
        let headerSize = out.count - headerStart
        out.append(contentsOf: compressed ?? body)
        return headerSize + body.count
    }

    /// `count` as the format's 32-bit field, or an error naming what overflowed.
    private func int32(_ count: Int, _ what: String) throws -> Int32 {
        guard let value = Int32(exactly: count) else {
            throw ParquetError(.unsupported, "\(count) \(what) exceed the format's 32-bit limit", column: leaf.name)
        }
        return value
    }

    private static func makeValueEncoder(_ leaf: LeafColumn, options: ParquetWriteOptions) throws -> any ValueEncoder {
        let name = leaf.name
        switch leaf.dataType {
        case .boolean:
            return BooleanValueEncoder(column: name, options: options)
        case .int8:
            return FixedWidthValueEncoder<Int8, Int32>(column: name, options: options, gather: gatherIntegers)
        case .int16:
            return FixedWidthValueEncoder<Int16, Int32>(column: name, options: options, gather: gatherIntegers)
        case .int32, .date:
            return FixedWidthValueEncoder<Int32, Int32>(column: name, options: options, gather: gatherSame)
        case .int64, .timestamp:
            return FixedWidthValueEncoder<Int64, Int64>(column: name, options: options, gather: gatherSame)
        case .float32:
            return FixedWidthValueEncoder<Float, Float>(column: name, options: options, gather: gatherSame)
        case .float64:
            return FixedWidthValueEncoder<Double, Double>(column: name, options: options, gather: gatherSame)
        case .decimal(let precision, _) where precision <= 9:
            return FixedWidthValueEncoder<Int128, Int32>(column: name, options: options, gather: gatherIntegers)
        case .decimal(let precision, _) where precision <= 18:
            return FixedWidthValueEncoder<Int128, Int64>(column: name, options: options, gather: gatherIntegers)
        case .decimal:
            let width = leaf.storage.typeLength ?? 16
            return FixedWidthValueEncoder<Int128, Int128>(column: name, byteWidth: width, options: options) {
                gatherDecimals($0, $1, byteWidth: width, &$2)
            }
        case .string, .binary:
            return ByteArrayValueEncoder(column: name, options: options)
        case .struct, .list, .map:
            throw ParquetError(.unsupported, "nested type \(leaf.dataType) is not a leaf", column: name)
        }
    }
}
