import LodeCore
import XCTest
@testable import LodeEngine

final class ResultFormatTests: XCTestCase {
    private func result() throws -> QueryResult {
        let schema = Schema([Field("a", .int32), Field("bb", .string), Field("d", .decimal(precision: 5, scale: 2)),
                             Field("ok", .boolean)])
        let batch = try RecordBatch(schema: schema, columns: [
            PrimitiveArray<Int32>(.int32, [1, nil, 300]),
            BinaryArray(strings: ["xyz", nil, "a,\"b\""]),
            PrimitiveArray<Int128>(.decimal(precision: 5, scale: 2), [150, -5, nil]),
            BooleanArray([true, nil, false]),
        ])
        return QueryResult(schema: schema, batches: [batch])
    }

    func testTableAlignsNumbersRightAndTextLeftWithNulls() throws {
        let text = try ResultRenderer(format: .table).render(try result())
        XCTAssertEqual(text, """
        ┌───────┬─────────┬──────────────┬─────────┐
        │   a   │   bb    │      d       │   ok    │
        │ int32 │ varchar │ decimal(5,2) │ boolean │
        ├───────┼─────────┼──────────────┼─────────┤
        │     1 │ xyz     │         1.50 │ true    │
        │  NULL │ NULL    │        -0.05 │ NULL    │
        │   300 │ a,"b"   │         NULL │ false   │
        └───────┴─────────┴──────────────┴─────────┘

        """)
    }

    func testEmptyTableShowsHeaderOnly() throws {
        let schema = Schema([Field("n", .int64)])
        let text = try ResultRenderer(format: .table).render(QueryResult(schema: schema, batches: []))
        XCTAssertEqual(text, """
        ┌───────┐
        │   n   │
        │ int64 │
        └───────┘

        """)
    }

    func testTableTruncatesToMaxRows() throws {
        let schema = Schema([Field("n", .int64)])
        let batch = try RecordBatch(schema: schema, columns: [PrimitiveArray<Int64>(.int64, (0..<100).map { Int64($0) })])
        var renderer = ResultRenderer(format: .table)
        renderer.maxRows = 4
        let lines = try renderer.render(QueryResult(schema: schema, batches: [batch])).split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.contains("·") }.count, 3)
        XCTAssertTrue(lines.contains("│    99 │"))
        XCTAssertFalse(lines.contains("│    50 │"))
        XCTAssertEqual(lines.last, "100 rows (4 shown)")
    }

    func testCSVQuotesOnlyWhatNeedsIt() throws {
        let text = try ResultRenderer(format: .csv).render(try result())
        XCTAssertEqual(text, "a,bb,d,ok\n1,xyz,1.50,true\n,,-0.05,\n300,\"a,\"\"b\"\"\",,false\n")
    }

    func testCSVEmptyStringIsQuotedAndNullIsEmpty() throws {
        let schema = Schema([Field("s", .string)])
        let batch = try RecordBatch(schema: schema, columns: [BinaryArray(strings: ["", nil, "line\nbreak"])])
        var renderer = ResultRenderer(format: .csv)
        renderer.delimiter = ";"
        XCTAssertEqual(try renderer.render(QueryResult(schema: schema, batches: [batch])), "s\n\"\"\n\n\"line\nbreak\"\n")
    }

    func testJSONKeepsTypes() throws {
        let text = try ResultRenderer(format: .json).render(try result())
        XCTAssertEqual(text, """
        [
        {"a":1,"bb":"xyz","d":1.50,"ok":true},
        {"a":null,"bb":null,"d":-0.05,"ok":null},
        {"a":300,"bb":"a,\\"b\\"","d":null,"ok":false}
        ]

        """)
    }

    func testNDJSONAndNestedValues() throws {
        let item = Field("item", .int32)
        let schema = Schema([Field("l", .list(item)), Field("day", .date), Field("x", .float64)])
        let list = try makeArray(.list(item), [.list([.int(1), .int(2)])])
        let batch = try RecordBatch(schema: schema, columns: [
            list, PrimitiveArray<Int32>(.date, [19723]), PrimitiveArray<Double>(.float64, [Double.nan]),
        ])
        var renderer = ResultRenderer(format: .json)
        renderer.ndjson = true
        XCTAssertEqual(try renderer.render(QueryResult(schema: schema, batches: [batch])),
                       "{\"l\":[1,2],\"day\":\"2024-01-01\",\"x\":null}\n")
        let table = try ResultRenderer(format: .table).render(QueryResult(schema: schema, batches: [batch]))
        XCTAssertTrue(table.contains("│ [1, 2]  │ 2024-01-01 │    nan │"), table)
        XCTAssertTrue(table.contains("│ int32[] │    date    │ double │"), table)
    }

    func testParquetNeedsAFileAndWritesOne() throws {
        XCTAssertThrowsError(try ResultRenderer(format: .parquet).render(try result()))
        let path = NSTemporaryDirectory() + "result-\(UUID().uuidString).parquet"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ResultRenderer(format: .parquet).write(try result(), to: path)
        let reader = try openTableFile(path)
        XCTAssertEqual(reader.schema.names, ["a", "bb", "d", "ok"])
        XCTAssertEqual(try reader.next()?.count, 3)
    }

    func testCountResult() {
        let count = QueryResult.count(7)
        XCTAssertEqual(count.schema.names, ["Count"])
        XCTAssertEqual(count.rows, [[.int(7)]])
    }

    func testMemorySizes() throws {
        XCTAssertEqual(try SessionOptions.parseMemorySize("2GB"), 2_000_000_000)
        XCTAssertEqual(try SessionOptions.parseMemorySize("512MiB"), 512 << 20)
        XCTAssertEqual(try SessionOptions.parseMemorySize("1000"), 1000)
        XCTAssertThrowsError(try SessionOptions.parseMemorySize("lots"))
    }
}
