import LodeCore
import XCTest
@testable import LodeParquet

/// Row-group pruning on `pyarrow_pruning.parquet`: ten row groups of ten sorted
/// rows (`id` 0...99), `sparse` null in the first five groups and odd rows.
final class ReaderPredicateTests: XCTestCase {
    var reader: ParquetReader!

    override func setUpWithError() throws {
        reader = try ParquetReader(path: ReaderFixtureTests.directory.appendingPathComponent("pyarrow_pruning.parquet").path)
        XCTAssertEqual(reader.rowGroupCount, 10)
    }

    func groups(_ predicate: ParquetPredicate) -> [Int] { reader.rowGroupsMatching(predicate) }

    func testComparisonsOnIntegers() {
        XCTAssertEqual(groups(.compare(column: "id", .equal, .int(42))), [4])
        XCTAssertEqual(groups(.compare(column: "id", .less, .int(20))), [0, 1])
        XCTAssertEqual(groups(.compare(column: "id", .lessOrEqual, .int(20))), [0, 1, 2])
        XCTAssertEqual(groups(.compare(column: "id", .greater, .int(89))), [9])
        XCTAssertEqual(groups(.compare(column: "id", .greaterOrEqual, .int(89))), [8, 9])
        XCTAssertEqual(groups(.compare(column: "id", .notEqual, .int(5))), Array(0..<10))
        XCTAssertEqual(groups(.compare(column: "id", .equal, .int(1000))), [])
        XCTAssertEqual(groups(.compare(column: "id", .greater, .double(94.5))), [9])
        XCTAssertEqual(groups(.compare(column: "id", .equal, .null)), [])
    }

    func testStringsDatesDecimalsAndStructFields() {
        XCTAssertEqual(groups(.compare(column: "name", .equal, .string("name-057"))), [5])
        XCTAssertEqual(groups(.compare(column: "name", .less, .string("name-010"))), [0])
        XCTAssertEqual(groups(.compare(column: "day", .greaterOrEqual, .date(Int32(Temporal.days(year: 2024, month: 4, day: 1))))),
                       [9])
        XCTAssertEqual(groups(.compare(column: "day", .less, .string("2024-01-05"))), [0])
        XCTAssertEqual(groups(.compare(column: "price", .greater, .decimal(Decimal128(2300, precision: 9, scale: 2)))), [9])
        XCTAssertEqual(groups(.compare(column: "price", .less, .int(3))), [0, 1])
        XCTAssertEqual(groups(.compare(column: "st.k", .equal, .int(33))), [3])
    }

    func testNullChecksAndLogic() {
        XCTAssertEqual(groups(.isNull("sparse")), Array(0..<10))
        XCTAssertEqual(groups(.isNotNull("sparse")), [5, 6, 7, 8, 9])
        XCTAssertEqual(groups(.compare(column: "sparse", .greater, .int(0))), [5, 6, 7, 8, 9])
        XCTAssertEqual(groups(.isNull("id")), [])
        XCTAssertEqual(groups(.not(.isNull("id"))), Array(0..<10))
        XCTAssertEqual(groups(.and([.compare(column: "id", .greaterOrEqual, .int(30)), .compare(column: "id", .less, .int(50))])),
                       [3, 4])
        XCTAssertEqual(groups(.or([.compare(column: "id", .less, .int(10)), .compare(column: "id", .greater, .int(90))])),
                       [0, 9])
        XCTAssertEqual(groups(.not(.compare(column: "id", .greaterOrEqual, .int(10)))), [0])
        XCTAssertEqual(groups(.not(.compare(column: "id", .less, .int(95)))), [9])
    }

    func testUndecidableKeepsRowGroups() {
        // NaN is left out of float statistics, so a float comparison never proves "every row".
        XCTAssertEqual(groups(.not(.compare(column: "ratio", .less, .double(100)))), Array(0..<10))
        XCTAssertEqual(groups(.compare(column: "ratio", .less, .double(1))), [0])
        XCTAssertEqual(groups(.compare(column: "missing", .equal, .int(1))), Array(0..<10))
        XCTAssertEqual(groups(.compare(column: "id", .equal, .string("x"))), Array(0..<10))
    }

    func testBatchesSkipPrunedRowGroupsAndProject() throws {
        var batches = try reader.batches(columns: ["name", "id"], predicate: .compare(column: "id", .greaterOrEqual, .int(75)))
        var ids: [Value] = []
        while let batch = try batches.next() {
            XCTAssertEqual(batch.schema.names, ["name", "id"])
            ids += batch.columns[1].values
        }
        XCTAssertEqual(ids, (70..<100).map { .int(Int64($0)) })
        XCTAssertThrowsError(try reader.batches(columns: ["nope"]))
    }
}
