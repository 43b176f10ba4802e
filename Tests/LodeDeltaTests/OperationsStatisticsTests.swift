import LodeCore
import XCTest
@testable import LodeDelta

final class OperationsStatisticsTests: XCTestCase {
    func testEveryAddCarriesStatisticsOfItsDataColumns() throws {
        let table = DeltaTable(path: temporaryTableFolder(self))
        try WriteOperation(table: table).withPartitionColumns(["region"])
            .execute([salesBatch(ids: [5, 1, 9, 3], regions: ["eu", "eu", "eu", "us"], amounts: [2.5, nil, -1, 7])])
        let snapshot = try table.snapshot()
        let eu = try XCTUnwrap(snapshot.files.first { $0.partitionValues["region"] == "eu" })
        let stats = try FileStatistics(json: XCTUnwrap(eu.stats), schema: snapshot.schema)
        XCTAssertEqual(stats.numRecords, 3)
        XCTAssertEqual(stats.minValues["id"], .int(1))
        XCTAssertEqual(stats.maxValues["id"], .int(9))
        XCTAssertEqual(stats.minValues["amount"], .double(-1))
        XCTAssertEqual(stats.nullCount["amount"], 1)
        XCTAssertNil(stats.minValues["region"], "partition columns are not in the data files")
    }

    func testStatisticsColumnsFollowTheTableProperties() throws {
        let table = DeltaTable(path: temporaryTableFolder(self))
        try WriteOperation(table: table).withProperties(["delta.dataSkippingNumIndexedCols": "1"])
            .execute([salesBatch(ids: [1, 2], regions: ["a", "b"])])
        let json = try JSONValue.parse(XCTUnwrap(try table.snapshot().files.first?.stats))
        XCTAssertEqual(json["numRecords"]?.int64Value, 2)
        XCTAssertNotNil(json["minValues"]?["id"])
        XCTAssertNil(json["minValues"]?["region"])
        XCTAssertNil(json["nullCount"]?["amount"])
    }
}
