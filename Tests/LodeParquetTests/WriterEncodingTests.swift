import Foundation
import XCTest
import LodeCore
@testable import LodeParquet

/// The encoders on their own, and the encodings, pages and row groups of written files.
final class WriterEncodingTests: XCTestCase {
    // MARK: RLE / bit-packing hybrid

    func testBitPackedExampleFromTheSpecification() {
        // Encodings.md: 0..7 with bit width 3 is one bit-packed group 0x88 0xC6 0xFA.
        var out: [UInt8] = []
        let values: [UInt8] = [0, 1, 2, 3, 4, 5, 6, 7]
        values.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: 3, into: &out) }
        XCTAssertEqual(out, [0x03, 0x88, 0xC6, 0xFA])
    }

    func testLongRunBecomesOneRLERun() {
        var out: [UInt8] = []
        let values = [UInt32](repeating: 300, count: 1000)
        values.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: 9, into: &out) }
        // Header 1000 << 1 as ULEB128, then the value in two little-endian bytes.
        XCTAssertEqual(out, [0xD0, 0x0F, 0x2C, 0x01])
    }

    func testHybridRoundTripsRandomRunsAndLiterals() {
        var generator = WriterRandom(seed: 42)
        for bitWidth in [0, 1, 2, 3, 5, 8, 13, 20, 32] {
            for _ in 0..<20 {
                var values: [UInt32] = []
                let maxValue = bitWidth == 0 ? 0 : UInt32(truncatingIfNeeded: (UInt64(1) << UInt64(bitWidth)) - 1)
                while values.count < Int(generator.next() % 3000) {
                    let value = UInt32(truncatingIfNeeded: generator.next()) & maxValue
                    let length = generator.next() % 2 == 0 ? 1 : Int(generator.next() % 40)
                    values.append(contentsOf: repeatElement(value, count: length))
                }
                var out: [UInt8] = []
                values.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: bitWidth, into: &out) }
                XCTAssertEqual(decodeHybrid(out, bitWidth: bitWidth, count: values.count), values, "bit width \(bitWidth)")
                XCTAssertLessThanOrEqual(out.count, RLEHybridEncoder.maxEncodedSize(count: values.count, bitWidth: bitWidth))
            }
        }
    }

    func testPlainBooleansAndBigEndianDecimals() {
        var out: [UInt8] = []
        let bits: [UInt8] = [1, 0, 1, 1, 0, 0, 0, 0, 1, 1]
        bits.withUnsafeBufferPointer { PlainEncoder.appendBooleans($0, to: &out) }
        XCTAssertEqual(out, [0b0000_1101, 0b0000_0011])
        XCTAssertEqual(PlainEncoder.bigEndianBytes(-2, byteWidth: 3), [0xFF, 0xFF, 0xFE])
        XCTAssertEqual(PlainEncoder.bigEndianBytes(258, byteWidth: 9), [0, 0, 0, 0, 0, 0, 0, 1, 2])
        XCTAssertEqual(LeafStorage.decimalByteWidth(precision: 19), 9)
        XCTAssertEqual(LeafStorage.decimalByteWidth(precision: 38), 16)
        XCTAssertEqual(LeafStorage.decimalByteWidth(precision: 35), 15)
        XCTAssertEqual(LeafStorage.decimalByteWidth(precision: 36), 16)
    }

    func testDictionaryEncodersAssignIndicesByFirstAppearance() {
        let ints = FixedWidthDictionaryEncoder<UInt64>()
        var indices: [UInt32] = []
        let values: [UInt64] = (0..<5000).map { UInt64($0 % 1777) &* 0x9E37_79B9 }
        values.withUnsafeBufferPointer { ints.encode($0, into: &indices) }
        XCTAssertEqual(ints.count, 1777)
        XCTAssertEqual(indices, (0..<5000).map { UInt32($0 % 1777) })

        let strings = ByteArrayDictionaryEncoder()
        let array = BinaryArray(strings: (0..<3000).map { "value-\($0 % 1001)" })
        indices = []
        array.offsets.withUnsafeBufferPointer { offsets in
            array.bytes.withUnsafeBufferPointer { bytes in
                strings.encode(offsets: offsets, bytes: bytes, selection: .range(0..<3000), into: &indices)
            }
        }
        XCTAssertEqual(strings.count, 1001)
        XCTAssertEqual(indices, (0..<3000).map { UInt32($0 % 1001) })
        XCTAssertEqual(Array(strings.entry(7)), Array("value-7".utf8))
    }

    // MARK: Files

    func testDictionaryFallsBackToPlainPastItsLimit() throws {
        let schema = Schema([Field("s", .string), Field("i", .int64), Field("few", .string)])
        let count = 20_000
        let batch = try RecordBatch(schema: schema, columns: [
            BinaryArray(strings: (0..<count).map { $0 % 11 == 0 ? nil : "distinct-value-\($0)" }),
            PrimitiveArray<Int64>(.int64, storage: (0..<count).map { Int64($0) * 7_919 }),
            BinaryArray(strings: (0..<count).map { ["red", "green", "blue"][$0 % 3] }),
        ])
        var options = WriterTypesTests.uncompressed
        options.dictionaryPageSizeLimit = 16 * 1024
        options.dataPageSize = 32 * 1024
        let sink = ParquetMemorySink()
        let writer = try ParquetWriter(sink: sink, schema: schema, options: options)
        try writer.write(batch)
        let footer = try writer.close()
        for column in footer.rowGroups[0].columns.prefix(2) {
            let metaData = try XCTUnwrap(column.metaData)
            XCTAssertTrue(metaData.encodings.contains(.rleDictionary), "\(metaData.pathInSchema)")
            XCTAssertTrue(metaData.encodings.contains(.plain), "\(metaData.pathInSchema)")
            let stats = try XCTUnwrap(metaData.encodingStats)
            XCTAssertTrue(stats.contains { $0.pageType == .dataPage && $0.encoding == .plain })
            XCTAssertTrue(stats.contains { $0.pageType == .dataPage && $0.encoding == .rleDictionary })
            XCTAssertEqual(stats.filter { $0.pageType == .dictionaryPage }.map(\.count), [1])
        }
        let few = try XCTUnwrap(footer.rowGroups[0].columns[2].metaData)
        XCTAssertEqual(few.encodingStats?.filter { $0.pageType == .dataPage }.map(\.encoding), [.rleDictionary])

        let path = try WriterOracle.temporaryDirectory().appendingPathComponent("fallback.parquet").path
        try Data(sink.bytes).write(to: URL(fileURLWithPath: path))
        try WriterOracle.run("""
        import sys, pyarrow.parquet as pq, duckdb
        f = pq.ParquetFile(sys.argv[1])
        cols = f.metadata.row_group(0)
        for i in (0, 1):
            enc = cols.column(i).encodings
            assert "RLE_DICTIONARY" in enc and "PLAIN" in enc, enc
        t = f.read()
        assert t.column("s").to_pylist() == [None if i % 11 == 0 else f"distinct-value-{i}" for i in range(20000)]
        assert t.column("i").to_pylist() == [i * 7919 for i in range(20000)]
        assert t.column("few").to_pylist() == [["red", "green", "blue"][i % 3] for i in range(20000)]
        s = cols.column(0).statistics
        assert (s.min, s.max, s.null_count) == ("distinct-value-1", "distinct-value-9998", 1819), (s.min, s.max, s.null_count)
        assert duckdb.sql(f"select count(distinct s), sum(i) from '{sys.argv[1]}'").fetchall() == [(20000 - 1819, 7919 * 19999 * 20000 // 2)]
        """, [path])
    }

    func testDataPagesStayNearTheirSize() throws {
        let schema = Schema([Field("i", .int64, nullable: false), Field("s", .string)])
        let count = 30_000
        let batch = try RecordBatch(schema: schema, columns: [
            PrimitiveArray<Int64>(.int64, storage: (0..<count).map { Int64($0) }),
            BinaryArray(strings: (0..<count).map { "row \($0) of the table" }),
        ])
        var options = WriterTypesTests.uncompressed
        options.dictionaryEnabled = false
        options.dataPageSize = 16 * 1024
        let sink = ParquetMemorySink()
        let writer = try ParquetWriter(sink: sink, schema: schema, options: options)
        try writer.write(batch)
        let footer = try writer.close()
        for column in footer.rowGroups[0].columns {
            let pages = try dataPages(of: try XCTUnwrap(column.metaData), in: sink.bytes)
            XCTAssertGreaterThan(pages.count, 10)
            for page in pages.dropLast() {
                XCTAssertGreaterThanOrEqual(Int(page.uncompressedPageSize), options.dataPageSize)
                // A page closes after the step of rows that filled it.
                XCTAssertLessThan(Int(page.uncompressedPageSize), options.dataPageSize + 40 * ColumnChunkWriter.rowsPerStep)
            }
            XCTAssertEqual(pages.reduce(0) { $0 + Int($1.dataPageHeader?.numValues ?? 0) }, count)
        }
    }

    func testRowGroupsHonourRowAndByteLimits() throws {
        let schema = Schema([Field("id", .int32), Field("payload", .binary)])
        let payload = [UInt8](repeating: 7, count: 1000)
        var builder = BinaryBuilder(.binary)
        payload.withUnsafeBytes { bytes in
            for i in 0..<2_000 { builder.append(UnsafeRawBufferPointer(rebasing: bytes[0..<(900 + i % 100)])) }
        }
        let batch = try RecordBatch(schema: schema, columns: [
            PrimitiveArray<Int32>(.int32, storage: (0..<2_000).map { Int32($0) }), builder.finish(),
        ])
        var options = WriterTypesTests.uncompressed
        options.maxRowGroupBytes = 200 * 1024
        options.dictionaryEnabled = false
        let sink = ParquetMemorySink()
        let writer = try ParquetWriter(sink: sink, schema: schema, options: options)
        try writer.write(batch)
        let footer = try writer.close()
        XCTAssertGreaterThanOrEqual(footer.rowGroups.count, 9)
        XCTAssertEqual(footer.rowGroups.reduce(0) { $0 + $1.numRows }, 2_000)
        for group in footer.rowGroups {
            XCTAssertLessThan(group.totalByteSize, Int64(options.maxRowGroupBytes) * 11 / 10)
        }

        options.maxRowGroupBytes = 1 << 30
        options.maxRowGroupRows = 600
        let rowsSink = ParquetMemorySink()
        let rowsWriter = try ParquetWriter(sink: rowsSink, schema: schema, options: options)
        for start in stride(from: 0, to: 2_000, by: 500) { try rowsWriter.write(batch.slice(start..<(start + 500))) }
        XCTAssertEqual(try rowsWriter.close().rowGroups.map(\.numRows), [600, 600, 600, 200])
    }

    func testEmptyFileHasSchemaAndNoRowGroups() throws {
        let schema = Schema([Field("a", .int64), Field("l", .list(Field("item", .string)))])
        let path = try WriterOracle.write([], schema: schema, options: WriterTypesTests.uncompressed)
        try WriterOracle.run("""
        import sys, pyarrow as pa, pyarrow.parquet as pq, duckdb
        t = pq.read_table(sys.argv[1])
        assert t.num_rows == 0 and t.schema.field("a").type == pa.int64(), t.schema
        assert pq.ParquetFile(sys.argv[1]).metadata.num_row_groups == 0
        assert duckdb.sql(f"select count(*) from '{sys.argv[1]}'").fetchall() == [(0,)]
        """, [path])
    }

    func testManyBatchesOfGeneratedRows() throws {
        let schema = Schema([Field("i", .int64), Field("d", .float64), Field("s", .string), Field("day", .date),
                             Field("flag", .boolean, nullable: false)])
        var batches: [RecordBatch] = []
        var row = 0
        for size in [1, 1023, 1025, 4096, 20_000, 7, 10_000] {
            let rows = row..<(row + size)
            batches.append(try RecordBatch(schema: schema, columns: [
                PrimitiveArray<Int64>(.int64, rows.map { $0 % 7 == 3 ? nil : Int64($0 * 2_654_435_761 % 1_000_003) - 500_000 }),
                PrimitiveArray<Double>(.float64, rows.map { $0 % 5 == 0 ? nil : Double($0) / 3 }),
                BinaryArray(strings: rows.map { $0 % 13 == 0 ? nil : "s\($0 * 31 % 1000)" }),
                PrimitiveArray<Int32>(.date, rows.map { Int32($0 % 20_000) }),
                BooleanArray(storage: rows.map { $0 % 3 == 0 }),
            ]))
            row += size
        }
        var options = WriterTypesTests.uncompressed
        options.maxRowGroupRows = 20_000
        let path = try WriterOracle.write(batches, schema: schema, options: options)
        try WriterOracle.run("""
        import sys, pyarrow.parquet as pq, datetime
        n = \(row)
        t = pq.read_table(sys.argv[1])
        assert t.num_rows == n
        assert t.column("i").to_pylist() == [None if r % 7 == 3 else r * 2654435761 % 1000003 - 500000 for r in range(n)]
        assert t.column("d").to_pylist() == [None if r % 5 == 0 else r / 3 for r in range(n)]
        assert t.column("s").to_pylist() == [None if r % 13 == 0 else f"s{r * 31 % 1000}" for r in range(n)]
        epoch = datetime.date(1970, 1, 1)
        assert t.column("day").to_pylist() == [epoch + datetime.timedelta(days=r % 20000) for r in range(n)]
        assert t.column("flag").to_pylist() == [r % 3 == 0 for r in range(n)]
        """, [path])
    }

    // MARK: Helpers

    /// The data page headers of a column chunk, walked from its first page.
    private func dataPages(of column: ColumnMetaData, in file: [UInt8]) throws -> [PageHeader] {
        var offset = Int(column.dictionaryPageOffset ?? column.dataPageOffset)
        let end = offset + Int(column.totalCompressedSize)
        var pages: [PageHeader] = []
        while offset < end {
            let (header, length) = try file[offset..<end].withUnsafeBytes { try PageHeader.decode(thrift: $0) }
            if header.type == .dataPage { pages.append(header) }
            offset += length + Int(header.compressedPageSize)
        }
        XCTAssertEqual(offset, end)
        return pages
    }

    /// A plain reference decoder of the hybrid encoding.
    private func decodeHybrid(_ bytes: [UInt8], bitWidth: Int, count: Int) -> [UInt32] {
        var values: [UInt32] = []
        var i = 0
        func varint() -> UInt64 {
            var result: UInt64 = 0, shift: UInt64 = 0
            while true {
                let b = bytes[i]
                i += 1
                result |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return result }
                shift += 7
            }
        }
        while values.count < count {
            let header = varint()
            if header & 1 == 1 {
                let n = Int(header >> 1) * 8
                var bitPosition = 0
                for _ in 0..<n {
                    var v: UInt64 = 0
                    for b in 0..<bitWidth {
                        let bit = bitPosition + b
                        v |= UInt64((bytes[i + bit / 8] >> UInt8(bit % 8)) & 1) << UInt64(b)
                    }
                    bitPosition += bitWidth
                    values.append(UInt32(v))
                }
                i += n * bitWidth / 8
            } else {
                var v: UInt64 = 0
                for k in 0..<((bitWidth + 7) / 8) { v |= UInt64(bytes[i + k]) << UInt64(8 * k) }
                i += (bitWidth + 7) / 8
                values.append(contentsOf: repeatElement(UInt32(v), count: Int(header >> 1)))
            }
        }
        XCTAssertEqual(i, bytes.count, "trailing bytes")
        return Array(values.prefix(count))
    }
}

/// A small deterministic random generator for tests.
struct WriterRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
