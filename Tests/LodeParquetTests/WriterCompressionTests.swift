import XCTest
import LodeCore
@testable import LodeParquet

/// Files written with every codec, read back by pyarrow and DuckDB.
final class WriterCompressionTests: XCTestCase {
    func testEveryCodecReadsBackInPyarrowAndDuckDB() throws {
        let cases: [(CompressionCodec, Int?, String)] = [
            (.uncompressed, nil, "UNCOMPRESSED"), (.snappy, nil, "SNAPPY"), (.gzip, nil, "GZIP"), (.gzip, 1, "GZIP"),
            (.zstd, nil, "ZSTD"), (.zstd, 9, "ZSTD"), (.lz4Raw, nil, "LZ4"),  // pyarrow names LZ4_RAW "LZ4"
        ]
        let schema = Schema(WriterTypesTests.flatSchema.fields + [Field("text", .string), Field("n", .int64)])
        let flat = try WriterTypesTests.flatBatch()
        let text = BinaryArray(strings: (0..<4).map { "a fairly repetitive line of text number \($0 % 2)" })
        let numbers = PrimitiveArray<Int64>(.int64, [1, 2, 3, nil])
        let batch = try RecordBatch(schema: schema, columns: flat.columns + [text, numbers])
        var arguments: [String] = []
        for (codec, level, name) in cases {
            var options = ParquetWriteOptions()
            options.compression = codec
            options.compressionLevel = level
            options.dictionaryEnabled = level == nil
            arguments += [try WriterOracle.write([batch, batch], schema: schema, options: options), name]
        }
        try WriterOracle.run("""
        import sys, pyarrow.parquet as pq, pyarrow as pa, duckdb
        def check(path, name):
            f = pq.ParquetFile(path)
            rg = f.metadata.row_group(0)
            assert all(rg.column(i).compression == name for i in range(rg.num_columns)), [rg.column(i).compression for i in range(rg.num_columns)]
            full = f.read()
            assert full.num_rows == 8
            table = full.slice(4, 4)
        \(WriterTypesTests.flatAssertions.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            assert table.column("text").to_pylist() == [f"a fairly repetitive line of text number {i % 2}" for i in range(4)]
            assert duckdb.sql(f"select sum(n), count(s), min(i64) from '{path}'").fetchall() == [(12, 6, -2**63)]
        for path, name in zip(sys.argv[1::2], sys.argv[2::2]):
            check(path, name)
        """, arguments)
    }

    func testDefaultOptionsWriteSnappy() throws {
        let schema = Schema([Field("x", .int32)])
        let sink = ParquetMemorySink()
        let writer = try ParquetWriter(sink: sink, schema: schema)
        try writer.write(RecordBatch(schema: schema, columns: [PrimitiveArray<Int32>(.int32, storage: Array(0..<1000))]))
        let footer = try writer.close()
        XCTAssertEqual(footer.rowGroups[0].columns[0].metaData?.codec, .snappy)
    }

    func testUnavailableCodecOrLevelFailsBeforeWriting() throws {
        let schema = Schema([Field("x", .int32)])
        var options = ParquetWriteOptions()
        options.compression = .lzo
        XCTAssertThrowsError(try ParquetWriter(sink: ParquetMemorySink(), schema: schema, options: options)) { error in
            XCTAssertEqual((error as? ParquetError)?.kind, .unsupported)
        }
        options.compression = .gzip
        options.compressionLevel = 12
        XCTAssertThrowsError(try ParquetWriter(sink: ParquetMemorySink(), schema: schema, options: options)) { error in
            XCTAssertEqual((error as? ParquetError)?.kind, .invalidArgument)
        }
    }
}
