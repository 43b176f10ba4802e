import LodeCore
import LodeParquet
import XCTest
@testable import LodeDelta

final class KernelDataSkippingTests: XCTestCase {
    func files(_ table: String, _ predicate: ParquetPredicate, version: Int64? = nil) throws -> [AddFile] {
        let t = DeltaFixtures.table(table)
        let snapshot = try version.map { try t.snapshot(version: $0) } ?? t.snapshot()
        return try snapshot.files(matching: predicate)
    }

    func rows(_ table: String, _ predicate: ParquetPredicate, columns: [String]? = nil) throws -> [[Value]] {
        var scan = try DeltaFixtures.table(table).snapshot().scan(columns: columns, predicate: predicate)
        return try scan.collect().flatMap { batch in (0..<batch.count).map { batch.row($0) } }
    }

    func testPartitionPruning() throws {
        let all = try DeltaFixtures.table("deltars-partitioned").snapshot().files
        let north = try files("deltars-partitioned", .compare(column: "region", .equal, .string("north")))
        XCTAssertEqual(Set(north), Set(all.filter { $0.partitionValues["region"] == "north" }))
        XCTAssertFalse(north.isEmpty)
        let nullRegion = try files("deltars-partitioned", .isNull("region"))
        XCTAssertEqual(Set(nullRegion.map { $0.partitionValues["region"] ?? nil }), [nil, ""])
        let slash = try files("deltars-partitioned", .compare(column: "region", .equal, .string("a/b")))
        XCTAssertEqual(Set(slash.map { $0.partitionValues["region"] ?? nil }), ["a/b"])
        let leap = try files("deltars-partitioned", .and([.compare(column: "day", .equal, .date(Temporal.parseDate("2024-02-29")!)),
                                                          .isNotNull("region")]))
        XCTAssertTrue(leap.allSatisfy { $0.partitionValues["day"] == "2024-02-29" && ($0.partitionValues["region"] ?? nil) != nil })
        XCTAssertEqual(try files("deltars-partitioned", .compare(column: "day", .less, .string("1970-01-01"))).count,
                       all.filter { $0.partitionValues["day"] == "1969-12-31" }.count)
        XCTAssertEqual(try files("deltars-partitioned", .or([.compare(column: "region", .equal, .string("x=y")),
                                                             .compare(column: "region", .equal, .string("50%"))])).count,
                       all.filter { ["x=y", "50%"].contains($0.partitionValues["region"] ?? nil) }.count)
        let rows = try rows("deltars-partitioned", .compare(column: "region", .equal, .string("é#?")), columns: ["value", "id", "region"])
        XCTAssertEqual(Set(rows.map { $0[1] }), [.string("é#?")], "columns come in table order")
        XCTAssertEqual(rows.first?.count, 3)
    }

    func testTypedPartitionValues() throws {
        let ts = Temporal.parseTimestamp("2000-01-01 12:30:00.000001")!
        XCTAssertEqual(try files("deltars-partition-types", .compare(column: "ts", .equal, .timestamp(ts, .microsecond, utc: true))).count, 1)
        XCTAssertEqual(try files("deltars-partition-types", .compare(column: "n", .equal, .int(-1))).count, 3)
        XCTAssertEqual(try files("deltars-partition-types", .compare(column: "ok", .equal, .boolean(false))).count, 3)
        XCTAssertEqual(try files("deltars-partition-types", .compare(column: "price", .greater,
                                                                      .decimal(Decimal128(100, precision: 5, scale: 2)))).count, 3)
        XCTAssertEqual(try files("deltars-partition-types", .isNull("ts")).count, 1)
        let hour10 = Temporal.parseTimestamp("2024-01-01 10:00:00")!
        let spark = try files("spark-style", .compare(column: "hour", .equal, .timestamp(hour10, .microsecond, utc: true)))
        XCTAssertEqual(spark.map(\.path).map { $0.contains("b2") }, [true])
        let hour9 = try files("spark-style", .compare(column: "hour", .lessOrEqual, .string("2024-01-01T09:00:00Z")))
        XCTAssertEqual(hour9.count, 2)
    }

    func testStatisticsSkipping() throws {
        XCTAssertEqual(try files("deltars-checkpoints", .compare(column: "id", .equal, .int(15))).count, 1)
        XCTAssertEqual(try files("deltars-checkpoints", .compare(column: "id", .greater, .int(20))).count, 4)
        XCTAssertEqual(try files("deltars-checkpoints", .compare(column: "id", .greaterOrEqual, .int(20))).count, 5)
        XCTAssertEqual(try files("deltars-checkpoints", .compare(column: "id", .less, .int(12))).count, 0)
        XCTAssertEqual(try files("deltars-checkpoints", .compare(column: "id", .lessOrEqual, .int(12))).count, 1)
        XCTAssertEqual(try files("deltars-checkpoints", .compare(column: "id", .notEqual, .int(12))).count, 12)
        XCTAssertEqual(try files("deltars-checkpoints", .not(.compare(column: "id", .equal, .int(12)))).count, 13)
        XCTAssertEqual(try files("deltars-checkpoints", .isNull("id")).count, 0)
        XCTAssertEqual(try files("deltars-checkpoints", .isNotNull("label")).count, 13)
        XCTAssertEqual(try files("deltars-checkpoints", .compare(column: "label", .equal, .string("row 3"))).count, 0)
        XCTAssertEqual(try files("deltars-checkpoints", .compare(column: "id", .equal, .double(15.5))).count, 0)
        XCTAssertEqual(try files("deltars-checkpoints", .compare(column: "ID", .equal, .int(15))).count, 1)
        XCTAssertEqual(try files("deltars-checkpoints", .compare(column: "nope", .equal, .int(15))).count, 13)
        XCTAssertEqual(try rows("deltars-checkpoints", .compare(column: "id", .equal, .int(15))), [[.int(15), .string("row 15")]])
    }

    func testTimestampBoundsAreWidened() throws {
        // v0 holds ts 12:00:00, 13:00:00.001001, 14:00:00.002002; stats keep milliseconds.
        let max = Temporal.parseTimestamp("2024-03-01 14:00:00.002002")!
        XCTAssertEqual(try files("deltars-types", .compare(column: "ts", .equal, .timestamp(max, .microsecond, utc: true)), version: 0).count, 1)
        XCTAssertEqual(try files("deltars-types", .compare(column: "ts", .greater, .timestamp(max, .microsecond, utc: true)), version: 0).count, 1,
                       "a bound cut to milliseconds cannot rule this out")
        XCTAssertEqual(try files("deltars-types", .compare(column: "ts", .greater, .string("2024-03-01 14:00:00.003")), version: 0).count, 0)
        XCTAssertEqual(try files("deltars-types", .compare(column: "point.x", .greater, .double(5)), version: 0).count, 0)
        XCTAssertEqual(try files("deltars-types", .compare(column: "amount", .less, .decimal(Decimal128(-301, precision: 10, scale: 2))),
                             version: 0).count, 0)
        XCTAssertEqual(try files("deltars-types", .compare(column: "day", .greater, .date(Temporal.parseDate("2024-01-07")!)),
                             version: 0).count, 0)
    }

    func testFilesWithoutStatisticsAreKept() throws {
        var replay = LogReplay()
        replay.apply(.protocol(ProtocolAction()))
        replay.apply(.metadata(MetadataAction(id: "x", schemaString: #"{"type":"struct","fields":[{"name":"a","type":"long","nullable":true,"metadata":{}}]}"#)))
        replay.apply(.add(AddFile(path: "no-stats", partitionValues: [:], size: 1, modificationTime: 1, dataChange: true)))
        replay.apply(.add(AddFile(path: "bad-stats", partitionValues: [:], size: 1, modificationTime: 1, dataChange: true, stats: "{oops")))
        replay.apply(.add(AddFile(path: "all-null", partitionValues: [:], size: 1, modificationTime: 1, dataChange: true,
                                  stats: #"{"numRecords":3,"nullCount":{"a":3}}"#)))
        let snapshot = try Snapshot(replay: replay, version: 0, timestamp: 0, paths: DeltaLogPaths(tableRoot: ""), store: MemoryStore())
        XCTAssertEqual(try snapshot.files(matching: .compare(column: "a", .equal, .int(1))).map(\.path), ["no-stats", "bad-stats"])
        XCTAssertEqual(try snapshot.files(matching: .isNull("a")).map(\.path), ["no-stats", "bad-stats", "all-null"])
    }

    func testPartitionValueText() throws {
        XCTAssertEqual(try PartitionValue.parse("2000-01-01T12:00:00.000000Z", as: .timestampUTC, column: "t"),
                       try PartitionValue.parse("2000-01-01 12:00:00.000000", as: .timestampUTC, column: "t"))
        XCTAssertEqual(try PartitionValue.parse("2000-01-01 12:00:00", as: .timestampNTZ, column: "t"),
                       .timestamp(946_728_000_000_000, .microsecond, utc: false))
        XCTAssertEqual(try PartitionValue.parse("__HIVE_DEFAULT_PARTITION__", as: .int32, column: "n"), .null)
        XCTAssertEqual(try PartitionValue.parse("", as: .string, column: "s"), .null)
        XCTAssertEqual(try PartitionValue.parse("1.50", as: .decimal(precision: 5, scale: 2), column: "d"),
                       .decimal(Decimal128(150, precision: 5, scale: 2)))
        assertDeltaError(.corruptLog, ["'300'", "'b'", "byte"]) { _ = try PartitionValue.parse("300", as: .int8, column: "b") }
        assertDeltaError(.corruptLog, ["'2024-02-30'"]) { _ = try PartitionValue.parse("2024-02-30", as: .date, column: "d") }
        XCTAssertEqual(PartitionValue.text(.timestamp(946_728_000_000_001, .microsecond, utc: true)), "2000-01-01 12:00:00.000001")
        XCTAssertEqual(PartitionValue.text(.date(0)), "1970-01-01")
        XCTAssertNil(PartitionValue.text(.null))
        XCTAssertEqual(PartitionValue.text(.decimal(Decimal128(-5, precision: 4, scale: 2))), "-0.05")
    }
}
