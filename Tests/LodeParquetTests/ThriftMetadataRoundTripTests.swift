import XCTest
@testable import LodeParquet

/// Every metadata struct, encoded and decoded again, with all optional fields set and unset.
final class ThriftMetadataRoundTripTests: XCTestCase {
    private typealias Support = ThriftTestSupport

    static func fullStatistics() -> Statistics {
        var statistics = Statistics()
        statistics.max = [0xFF, 0x7F]
        statistics.min = []
        statistics.nullCount = 3
        statistics.distinctCount = Int64.max
        statistics.maxValue = Array("zebra".utf8)
        statistics.minValue = Array("apple".utf8)
        statistics.isMaxValueExact = true
        statistics.isMinValueExact = false
        return statistics
    }

    static func fullColumnMetaData() -> ColumnMetaData {
        var metadata = ColumnMetaData(type: .byteArray, encodings: [.plain, .rle, .rleDictionary, Encoding(rawValue: 42)],
                                      pathInSchema: ["a", "b", "élément"], codec: .zstd, numValues: 1 << 40,
                                      totalUncompressedSize: 123_456, totalCompressedSize: 65_432, dataPageOffset: 4)
        metadata.keyValueMetadata = [KeyValue(key: "k", value: "v"), KeyValue(key: "absent", value: nil)]
        metadata.indexPageOffset = 99
        metadata.dictionaryPageOffset = 4
        metadata.statistics = fullStatistics()
        metadata.encodingStats = [PageEncodingStats(pageType: .dictionaryPage, encoding: .plain, count: 1),
                                  PageEncodingStats(pageType: .dataPage, encoding: .rleDictionary, count: 20)]
        metadata.bloomFilterOffset = 1 << 33
        metadata.bloomFilterLength = 4096
        return metadata
    }

    static func fullColumnChunk() -> ColumnChunk {
        var chunk = ColumnChunk(fileOffset: 77, metaData: fullColumnMetaData())
        chunk.filePath = "other.parquet"
        chunk.offsetIndexOffset = 1000
        chunk.offsetIndexLength = 20
        chunk.columnIndexOffset = 1020
        chunk.columnIndexLength = 30
        return chunk
    }

    static func fullRowGroup() -> RowGroup {
        var group = RowGroup(columns: [fullColumnChunk(), ColumnChunk(fileOffset: 0, metaData: nil)],
                             totalByteSize: 1 << 35, numRows: 1_000_000)
        group.sortingColumns = [SortingColumn(columnIndex: 0, descending: true, nullsFirst: false),
                                SortingColumn(columnIndex: 1, descending: false, nullsFirst: true)]
        group.fileOffset = 4
        group.totalCompressedSize = 1 << 34
        group.ordinal = Int16.max
        return group
    }

    static func fullSchema() -> [SchemaElement] {
        var root = SchemaElement(name: "schema")
        root.numChildren = 2
        var decimal = SchemaElement(name: "price")
        decimal.type = .fixedLenByteArray
        decimal.typeLength = 16
        decimal.repetitionType = .optional
        decimal.convertedType = .decimal
        decimal.scale = 2
        decimal.precision = 38
        decimal.fieldID = -1
        decimal.logicalType = .decimal(scale: 2, precision: 38)
        var timestamp = SchemaElement(name: "ts")
        timestamp.type = .int64
        timestamp.repetitionType = .required
        timestamp.logicalType = .timestamp(isAdjustedToUTC: true, unit: .micros)
        return [root, decimal, timestamp]
    }

    func testStatistics() {
        Support.assertRoundTrip(Self.fullStatistics())
        Support.assertRoundTrip(Statistics())
        var flagsOnly = Statistics()
        flagsOnly.isMaxValueExact = false
        flagsOnly.isMinValueExact = true
        Support.assertRoundTrip(flagsOnly)
    }

    func testLogicalTypes() {
        let all: [LogicalType] = [
            .string, .map, .list, .enum, .decimal(scale: 0, precision: 1), .decimal(scale: -3, precision: Int32.max),
            .date, .time(isAdjustedToUTC: false, unit: .millis), .time(isAdjustedToUTC: true, unit: .nanos),
            .timestamp(isAdjustedToUTC: true, unit: .micros), .timestamp(isAdjustedToUTC: false, unit: .nanos),
            .integer(bitWidth: 8, isSigned: true), .integer(bitWidth: 64, isSigned: false),
            .unknown, .json, .bson, .uuid, .float16, .other(fieldID: 16), .other(fieldID: 9), .other(fieldID: 300),
        ]
        all.forEach { Support.assertRoundTrip($0) }
    }

    func testTimeUnitsAndColumnOrders() {
        [ParquetTimeUnit.millis, .micros, .nanos].forEach { Support.assertRoundTrip($0) }
        [ColumnOrder.typeDefinedOrder, .other(fieldID: 2), .other(fieldID: 99)].forEach { Support.assertRoundTrip($0) }
    }

    func testSchemaElement() {
        Self.fullSchema().forEach { Support.assertRoundTrip($0) }
        Support.assertRoundTrip(SchemaElement(name: ""))
    }

    func testSmallStructs() {
        Support.assertRoundTrip(KeyValue(key: "ARROW:schema", value: "…"))
        Support.assertRoundTrip(KeyValue(key: "k", value: nil))
        Support.assertRoundTrip(SortingColumn(columnIndex: Int32.max, descending: true, nullsFirst: true))
        Support.assertRoundTrip(SortingColumn(columnIndex: 0, descending: false, nullsFirst: false))
        Support.assertRoundTrip(PageEncodingStats(pageType: .dataPageV2, encoding: .deltaBinaryPacked, count: 0))
    }

    func testColumnMetaDataAndChunk() {
        Support.assertRoundTrip(Self.fullColumnMetaData())
        Support.assertRoundTrip(ColumnMetaData(type: .boolean, encodings: [], pathInSchema: [], codec: .uncompressed,
                                               numValues: 0, totalUncompressedSize: 0, totalCompressedSize: 0,
                                               dataPageOffset: 0))
        Support.assertRoundTrip(Self.fullColumnChunk())
        Support.assertRoundTrip(ColumnChunk(fileOffset: 0, metaData: nil))
    }

    func testRowGroup() {
        Support.assertRoundTrip(Self.fullRowGroup())
        Support.assertRoundTrip(RowGroup(columns: [], totalByteSize: 0, numRows: 0))
    }

    func testFileMetaData() throws {
        var metadata = FileMetaData(version: 2, schema: Self.fullSchema(), numRows: 1_000_000,
                                    rowGroups: [Self.fullRowGroup(), RowGroup(columns: [], totalByteSize: 0, numRows: 0)])
        metadata.keyValueMetadata = [KeyValue(key: "writer", value: "lode")]
        metadata.createdBy = "lode version 0.1.0 (build 0)"
        metadata.columnOrders = [.typeDefinedOrder, .typeDefinedOrder]
        Support.assertRoundTrip(metadata)
        XCTAssertEqual(try Support.decodeFooter(metadata.thriftEncoded()), metadata)

        let minimal = FileMetaData(version: 1, schema: [SchemaElement(name: "schema")], numRows: 0, rowGroups: [])
        XCTAssertEqual(try Support.decodeFooter(minimal.thriftEncoded()), minimal)
    }

    func testPageHeaders() throws {
        var dictionary = PageHeader(type: .dictionaryPage, uncompressedPageSize: 40, compressedPageSize: 30)
        dictionary.crc = -123_456
        var dictionaryHeader = DictionaryPageHeader(numValues: 5, encoding: .plain)
        dictionaryHeader.isSorted = false
        dictionary.dictionaryPageHeader = dictionaryHeader
        Support.assertRoundTrip(dictionary)
        var unsorted = dictionary
        unsorted.dictionaryPageHeader = DictionaryPageHeader(numValues: 0, encoding: .plainDictionary)
        unsorted.crc = nil
        Support.assertRoundTrip(unsorted)

        var v1 = PageHeader(type: .dataPage, uncompressedPageSize: Int32.max, compressedPageSize: 0)
        var dataHeader = DataPageHeader(numValues: 1000, encoding: .rleDictionary,
                                        definitionLevelEncoding: .rle, repetitionLevelEncoding: .bitPacked)
        Support.assertRoundTrip(dataHeader)
        dataHeader.statistics = Self.fullStatistics()
        v1.dataPageHeader = dataHeader
        Support.assertRoundTrip(v1)

        var v2 = PageHeader(type: .dataPageV2, uncompressedPageSize: 10, compressedPageSize: 12)
        var v2Header = DataPageHeaderV2(numValues: 7, numNulls: 2, numRows: 5, encoding: .deltaBinaryPacked,
                                        definitionLevelsByteLength: 3, repetitionLevelsByteLength: 0)
        Support.assertRoundTrip(v2Header)
        v2Header.isCompressed = false
        v2Header.statistics = Statistics()
        v2.dataPageHeaderV2 = v2Header
        Support.assertRoundTrip(v2)
        Support.assertRoundTrip(PageHeader(type: .indexPage, uncompressedPageSize: 0, compressedPageSize: 0))
    }

    func testDataPageHeaderV2IsCompressedDefaultsToTrue() throws {
        // Fields 1...6 only, no field 7.
        let bytes: [UInt8] = [0x15, 0x02, 0x15, 0x00, 0x15, 0x02, 0x15, 0x00, 0x15, 0x00, 0x15, 0x00, 0x00]
        let header = try Support.decode(DataPageHeaderV2.self, from: bytes)
        XCTAssertTrue(header.isCompressed)
        XCTAssertEqual(header.numValues, 1)
        XCTAssertEqual(header.numRows, 1)
    }

    func testEncryptionFieldsAreNoticedAndSkipped() throws {
        var writer = ThriftCompactWriter()
        let scope = writer.beginStruct()
        writer.writeI64Field(2, 5)
        writer.writeFieldHeader(8, .struct)  // ColumnCryptoMetaData
        let inner = writer.beginStruct()
        writer.writeEmptyStructField(1)
        writer.endStruct(inner)
        writer.writeBinaryField(9, [1, 2, 3])  // encrypted ColumnMetaData
        writer.endStruct(scope)
        let chunk = try Support.decode(ColumnChunk.self, from: writer.bytes)
        XCTAssertTrue(chunk.isEncrypted)
        XCTAssertNil(chunk.metaData)
        XCTAssertEqual(chunk.fileOffset, 5)
    }

    func testLargeFooterRoundTrips() throws {
        let columnCount = 1500
        var schema = [SchemaElement(name: "schema")]
        schema[0].numChildren = Int32(columnCount)
        for index in 0..<columnCount {
            var element = SchemaElement(name: "column_\(index)")
            element.type = .int64
            element.repetitionType = .optional
            schema.append(element)
        }
        let groups = (0..<4).map { group in
            RowGroup(columns: (0..<columnCount).map { index in
                var metadata = Self.fullColumnMetaData()
                metadata.pathInSchema = ["column_\(index)"]
                metadata.dataPageOffset = Int64(group * 1_000_000 + index * 100)
                return ColumnChunk(fileOffset: 0, metaData: metadata)
            }, totalByteSize: 1 << 20, numRows: 10_000)
        }
        var metadata = FileMetaData(version: 2, schema: schema, numRows: 40_000, rowGroups: groups)
        metadata.columnOrders = Array(repeating: .typeDefinedOrder, count: columnCount)
        let bytes = metadata.thriftEncoded()
        XCTAssertEqual(try Support.decodeFooter(bytes), metadata)
    }
}
