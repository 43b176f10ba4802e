import Foundation
import LodeCore
import LodePlan
import XCTest
@testable import LodeEngine

final class LakeCatalogTests: XCTestCase {
    /// A lake with silver.sales (Delta), bronze.raw (a folder of Parquet, not Delta) and an empty gold layer.
    private func lake() throws -> String {
        let root = try SourceTesting.folder()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: root) }
        let files = FileManager.default
        for layer in ["silver", "bronze", "gold"] { try files.createDirectory(atPath: root + "/" + layer, withIntermediateDirectories: true) }
        try files.copyItem(atPath: SourceTesting.fixture("delta/sales"), toPath: root + "/silver/sales")
        try files.copyItem(atPath: SourceTesting.fixture("parquet/parts"), toPath: root + "/bronze/raw")
        return root
    }

    func testLayerTableResolvesToTheDeltaTable() throws {
        let catalog = LakeCatalog(lakeRoot: try lake())
        let source = try XCTUnwrap(catalog.table(["silver", "sales"], version: nil) as? DeltaSource)
        XCTAssertEqual(source.displayName, "silver.sales")
        XCTAssertEqual(source.version, 2)
        let old = try XCTUnwrap(catalog.table(["Silver", "SALES"], version: .version(0)) as? DeltaSource)
        XCTAssertEqual(old.version, 0)
        XCTAssertEqual(old.estimatedRowCount, 100)
    }

    func testUnknownTablesAreNilAndNonDeltaFoldersThrow() throws {
        let catalog = LakeCatalog(lakeRoot: try lake())
        XCTAssertNil(try catalog.table(["silver", "nope"], version: nil))
        XCTAssertNil(try catalog.table(["platinum", "sales"], version: nil))
        XCTAssertNil(try catalog.table(["a", "b", "c"], version: nil))
        XCTAssertThrowsError(try catalog.table(["bronze", "raw"], version: nil)) { error in
            XCTAssertTrue("\(error)".contains("not a Delta table"), "\(error)")
        }
    }

    func testSingleNamesNeedALayerUnlessRegistered() throws {
        let catalog = LakeCatalog(lakeRoot: try lake())
        XCTAssertThrowsError(try catalog.table(["sales"], version: nil)) { error in
            XCTAssertTrue("\(error)".contains("bronze, gold, silver"), "\(error)")
        }
        let schema = Schema([Field("x", .int64)])
        let batch = try RecordBatch(schema: schema, columns: [PrimitiveArray<Int64>(.int64, storage: [1, 2, 3])])
        catalog.register("Recent", MemorySource(name: "recent", batches: [batch], schema: schema))
        let source = try XCTUnwrap(catalog.table(["recent"], version: nil))
        XCTAssertEqual(source.estimatedRowCount, 3)
        XCTAssertEqual(try SourceTesting.rows(source, SourceTesting.request([0], partitions: 2)).count, 3)
        XCTAssertThrowsError(try catalog.table(["recent"], version: .version(1)))
        catalog.register("silver.sales", source)
        XCTAssertTrue(try catalog.table(["silver", "sales"], version: nil) === source)
    }

    func testWithoutALakeOnlyRegisteredNamesResolve() throws {
        let catalog = LakeCatalog(lakeRoot: nil)
        XCTAssertNil(try catalog.table(["silver", "sales"], version: nil))
        XCTAssertNil(try catalog.table(["sales"], version: nil))
    }

    func testReadParquet() throws {
        let catalog = LakeCatalog(lakeRoot: nil)
        let glob = try XCTUnwrap(catalog.tableFunction("read_parquet", positional: [.string(SourceTesting.fixture("parquet/parts/**/*.parquet"))], named: [:]))
        XCTAssertEqual(glob.estimatedRowCount, 30)
        let list = try XCTUnwrap(catalog.tableFunction("READ_PARQUET", positional: [.list([
            .string(SourceTesting.fixture("parquet/parts/a.parquet")), .string(SourceTesting.fixture("parquet/parts/b.parquet"))])], named: [:]))
        XCTAssertEqual(list.estimatedRowCount, 20)
        XCTAssertThrowsError(try catalog.tableFunction("read_parquet", positional: [.string(SourceTesting.fixture("parquet/zzz*.parquet"))], named: [:])) { error in
            XCTAssertTrue("\(error)".contains("zzz*.parquet"), "\(error)")
        }
        XCTAssertThrowsError(try catalog.tableFunction("read_parquet", positional: [.int(3)], named: [:]))
        XCTAssertThrowsError(try catalog.tableFunction("read_parquet", positional: [.string(SourceTesting.fixture("parquet/sorted.parquet"))],
                                                       named: ["hive_partitioning": .boolean(true)])) { error in
            XCTAssertTrue("\(error)".contains("hive_partitioning"), "\(error)")
        }
        XCTAssertNil(try catalog.tableFunction("read_xml", positional: [.string("x")], named: [:]))
    }

    func testReadCSVOptions() throws {
        let catalog = LakeCatalog(lakeRoot: nil)
        let path = Value.string(SourceTesting.fixture("text/semicolons.txt"))
        let inferred = try XCTUnwrap(catalog.tableFunction("read_csv", positional: [path],
                                                           named: ["header": .boolean(false), "delim": .string(";"), "nullstr": .string("NA")]))
        XCTAssertEqual(inferred.schema.names, ["column0", "column1", "column2"])
        XCTAssertEqual(try SourceTesting.rows(inferred, SourceTesting.request([0, 2])), [[.int(10), .null], [.int(20), .int(3)]])
        let typed = try XCTUnwrap(catalog.tableFunction("read_csv", positional: [path], named: [
            "header": .boolean(false), "sep": .string(";"), "nullstr": .string("NA"),
            "columns": .map(keys: [.string("n"), .string("code"), .string("v")], values: [.string("SMALLINT"), .string("VARCHAR"), .string("BIGINT")]),
            "auto_detect": .boolean(false)]))
        XCTAssertEqual(typed.schema.names, ["n", "code", "v"])
        XCTAssertEqual(typed.schema.fields[0].type, .int16)
        XCTAssertThrowsError(try catalog.tableFunction("read_csv", positional: [path], named: ["auto_detect": .boolean(false)]))
        XCTAssertThrowsError(try catalog.tableFunction("read_csv", positional: [path], named: ["delim": .string(";;")])) { error in
            XCTAssertTrue("\(error)".contains("delim"), "\(error)")
        }
        let schemaText = try XCTUnwrap(catalog.tableFunction("read_csv", positional: [.string(SourceTesting.fixture("text/people.csv"))],
                                                             named: ["schema": .string("id BIGINT, name VARCHAR, born VARCHAR, score DOUBLE")]))
        XCTAssertEqual(schemaText.schema.fields[2].type, .string)
    }

    func testReadJSON() throws {
        let catalog = LakeCatalog(lakeRoot: nil)
        let array = try XCTUnwrap(catalog.tableFunction("read_json", positional: [.string(SourceTesting.fixture("text/events-array.json"))], named: [:]))
        XCTAssertEqual(try SourceTesting.rows(array, SourceTesting.request([0])).count, 3)
        let lines = try XCTUnwrap(catalog.tableFunction("read_ndjson", positional: [.string(SourceTesting.fixture("text/events.ndjson"))], named: [:]))
        XCTAssertEqual(lines.schema, array.schema)
        XCTAssertThrowsError(try catalog.tableFunction("read_ndjson", positional: [.string(SourceTesting.fixture("text/events-array.json"))], named: [:])
            .map { try SourceTesting.rows($0, SourceTesting.request([0])) }) { error in
            XCTAssertTrue("\(error)".contains("events-array.json"), "\(error)")
        }
        XCTAssertThrowsError(try catalog.tableFunction("read_json", positional: [.string(SourceTesting.fixture("text/events.ndjson"))],
                                                       named: ["format": .string("xml")]))
    }

    func testDeltaScanWithTimeTravel() throws {
        let catalog = LakeCatalog(lakeRoot: nil)
        let path = Value.string(SourceTesting.fixture("delta/sales"))
        let latest = try XCTUnwrap(catalog.tableFunction("delta_scan", positional: [path], named: [:]) as? DeltaSource)
        XCTAssertEqual(latest.version, 2)
        XCTAssertEqual(latest.displayName, "delta_scan('\(SourceTesting.fixture("delta/sales"))')")
        let v1 = try XCTUnwrap(catalog.tableFunction("delta_scan", positional: [path], named: ["version": .int(1)]) as? DeltaSource)
        XCTAssertEqual(v1.version, 1)
        let future = try XCTUnwrap(catalog.tableFunction("delta_scan", positional: [path], named: ["timestamp": .string("2999-01-01 00:00:00")]) as? DeltaSource)
        XCTAssertEqual(future.version, 2)
        XCTAssertThrowsError(try catalog.tableFunction("delta_scan", positional: [path], named: ["timestamp": .string("1990-01-01")]))
        XCTAssertThrowsError(try catalog.tableFunction("delta_scan", positional: [path], named: ["version": .int(1), "timestamp": .string("2026-01-01")]))
        XCTAssertThrowsError(try catalog.tableFunction("delta_scan", positional: [path], named: ["timestamp": .string("yesterday")]))
        XCTAssertThrowsError(try catalog.tableFunction("delta_scan", positional: [.string(SourceTesting.fixture("parquet/parts"))], named: [:])) { error in
            XCTAssertTrue("\(error)".contains("not a Delta table"), "\(error)")
        }
    }
}
