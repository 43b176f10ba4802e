import Foundation
import XCTest
import LodeCore
@testable import LodeParquet

/// Bad batches, bad options and I/O failures throw a ``ParquetError`` naming the file
/// and the column.
final class WriterErrorsTests: XCTestCase {
    private let schema = Schema([Field("id", .int64, nullable: false), Field("name", .string)])

    private func writer() throws -> (ParquetWriter, String) {
        let path = try WriterOracle.temporaryDirectory().appendingPathComponent("errors.parquet").path
        return (try ParquetWriter(path: path, schema: schema, options: WriterTypesTests.uncompressed), path)
    }

    private func assertError(_ kind: ParquetError.Kind, file: String?, column: String?, _ body: () throws -> Void,
                             line: UInt = #line) {
        XCTAssertThrowsError(try body(), line: line) { error in
            guard let error = error as? ParquetError else { return XCTFail("\(error) is not a ParquetError", line: line) }
            XCTAssertEqual(error.kind, kind, "\(error)", line: line)
            XCTAssertEqual(error.file, file, "\(error)", line: line)
            XCTAssertEqual(error.column, column, "\(error)", line: line)
        }
    }

    func testBatchOfAnotherSchemaIsRefusedAndTheWriterGoesOn() throws {
        let (writer, path) = try writer()
        let renamed = Schema([Field("key", .int64, nullable: false), Field("name", .string)])
        let batch = try RecordBatch(schema: renamed, columns: [PrimitiveArray<Int64>(.int64, storage: [1]),
                                                               BinaryArray(strings: ["a"])])
        assertError(.invalidArgument, file: path, column: "id") { try writer.write(batch) }
        let retyped = Schema([Field("id", .int64, nullable: false), Field("name", .int32)])
        let wrongType = try RecordBatch(schema: retyped, columns: [PrimitiveArray<Int64>(.int64, storage: [1]),
                                                                   PrimitiveArray<Int32>(.int32, storage: [1])])
        assertError(.invalidArgument, file: path, column: "name") { try writer.write(wrongType) }
        let nulls = try RecordBatch(schema: schema, columns: [PrimitiveArray<Int64>(.int64, [1, nil]),
                                                              BinaryArray(strings: ["a", nil])])
        assertError(.invalidArgument, file: path, column: "id") { try writer.write(nulls) }

        try writer.write(RecordBatch(schema: schema, columns: [PrimitiveArray<Int64>(.int64, storage: [7]),
                                                               BinaryArray(strings: [nil])]))
        try writer.close()
        assertError(.invalidArgument, file: path, column: nil) { try writer.write(nulls) }
        assertError(.invalidArgument, file: path, column: nil) { try writer.close() }
        try WriterOracle.run("""
        import sys, pyarrow.parquet as pq
        assert pq.read_table(sys.argv[1]).to_pylist() == [{"id": 7, "name": None}]
        """, [path])
    }

    func testNullInARequiredNestedFieldNamesTheLeaf() throws {
        let type = DataType.list(Field("element", .int32, nullable: false))
        let schema = Schema([Field("l", type)])
        let path = try WriterOracle.temporaryDirectory().appendingPathComponent("nested.parquet").path
        let writer = try ParquetWriter(path: path, schema: schema, options: WriterTypesTests.uncompressed)
        let batch = try RecordBatch(schema: schema, columns: [try makeArray(type, [.list([.int(1), .null])])])
        assertError(.invalidArgument, file: path, column: "l.list.element") { try writer.write(batch) }
        // The file is now incomplete: the writer refuses to go on.
        assertError(.invalidArgument, file: path, column: nil) { try writer.close() }
    }

    func testDecimalOutsideItsStorageIsRefused() throws {
        let schema = Schema([Field("d", .decimal(precision: 9, scale: 0)), Field("w", .decimal(precision: 20, scale: 0))])
        let sink = ParquetMemorySink()
        let writer = try ParquetWriter(sink: sink, schema: schema, options: WriterTypesTests.uncompressed)
        let tooBig = try RecordBatch(schema: schema, columns: [
            PrimitiveArray<Int128>(.decimal(precision: 9, scale: 0), [Int128(Int64.max)]),
            PrimitiveArray<Int128>(.decimal(precision: 20, scale: 0), [1]),
        ])
        assertError(.invalidArgument, file: nil, column: "d") { try writer.write(tooBig) }
        let writer2 = try ParquetWriter(sink: ParquetMemorySink(), schema: schema, options: WriterTypesTests.uncompressed)
        let tooWide = try RecordBatch(schema: schema, columns: [
            PrimitiveArray<Int128>(.decimal(precision: 9, scale: 0), [1]),
            PrimitiveArray<Int128>(.decimal(precision: 20, scale: 0), [Int128.max]),
        ])
        assertError(.invalidArgument, file: nil, column: "w") { try writer2.write(tooWide) }
    }

    func testBadOptionsSchemaAndPath() throws {
        var options = ParquetWriteOptions()
        options.dataPageSize = 0
        assertError(.invalidArgument, file: nil, column: nil) {
            _ = try ParquetWriter(sink: ParquetMemorySink(), schema: self.schema, options: options)
        }
        assertError(.invalidArgument, file: nil, column: nil) {
            _ = try ParquetWriter(sink: ParquetMemorySink(), schema: Schema([]))
        }
        assertError(.invalidArgument, file: nil, column: "d") {
            _ = try ParquetWriter(sink: ParquetMemorySink(), schema: Schema([Field("d", .decimal(precision: 40, scale: 0))]))
        }
        assertError(.unsupported, file: nil, column: "s") {
            _ = try ParquetWriter(sink: ParquetMemorySink(), schema: Schema([Field("s", .struct([]))]))
        }
        let missing = "/nonexistent-\(UUID().uuidString)/file.parquet"
        assertError(.io, file: missing, column: nil) { _ = try ParquetWriter(path: missing, schema: self.schema) }
    }

    func testFailingSinkReportsIOError() throws {
        struct FullDisk: ParquetSink {
            var position = 0
            mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
                if position + bytes.count > 100 { throw ParquetError(.io, "no space left on device") }
                position += bytes.count
            }
        }
        let writer = try ParquetWriter(sink: FullDisk(), schema: schema, options: WriterTypesTests.uncompressed)
        try writer.write(RecordBatch(schema: schema, columns: [PrimitiveArray<Int64>(.int64, storage: Array(0..<1000)),
                                                               BinaryArray(strings: (0..<1000).map { "\($0)" })]))
        XCTAssertThrowsError(try writer.close()) { XCTAssertEqual(($0 as? ParquetError)?.kind, .io) }
    }
}
