import XCTest
import LodeCore
@testable import LodeEngine

final class SourceDistinctCountTests: XCTestCase {
    func testIntegerAndDateRangesBoundDistinctCountsInParquetAndDelta() throws {
        let lake = FileManager.default.temporaryDirectory.appendingPathComponent("distinct-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: lake, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: lake) }
        let session = try Session(lakeRoot: lake)
        let rows = "SELECT * FROM (VALUES (10, 1, DATE '2024-01-01', 'a'), (12, 1, DATE '2024-01-03', 'b'), " +
            "(11, 2, DATE '2024-01-02', 'c'), (40, 2, DATE '2024-01-02', 'd')) t(k, small, d, s)"
        try session.execute("COPY (\(rows)) TO '\(lake)/x.parquet' (FORMAT parquet)")
        let parquet = try ParquetSource(paths: [lake + "/x.parquet"])
        XCTAssertEqual(parquet.distinctCount(ofColumn: 0), 4, "range 10...40 is capped by the 4 rows")
        XCTAssertEqual(parquet.distinctCount(ofColumn: 1), 2)
        XCTAssertEqual(parquet.distinctCount(ofColumn: 2), 3)
        XCTAssertNil(parquet.distinctCount(ofColumn: 3), "no estimate for strings")

        try session.execute("CREATE TABLE bronze.t AS \(rows)")
        let delta = try DeltaSource(path: lake + "/bronze/t", version: nil)
        XCTAssertEqual(delta.distinctCount(ofColumn: 1), 2)
        XCTAssertEqual(delta.distinctCount(ofColumn: 2), 3)
    }
}
