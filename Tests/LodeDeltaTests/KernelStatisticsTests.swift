import Foundation
import LodeCore
import LodeParquet
import XCTest
@testable import LodeDelta

final class KernelStatisticsTests: XCTestCase {
    func testParsesDeltaRsStatistics() throws {
        let snapshot = try DeltaFixtures.table("deltars-types").snapshot(version: 0)
        let stats = try FileStatistics(json: try XCTUnwrap(snapshot.files.first?.stats), schema: snapshot.schema)
        XCTAssertEqual(stats.numRecords, 3)
        XCTAssertEqual(stats.minValues["id"], .int(0))
        XCTAssertEqual(stats.maxValues["id"], .int(2))
        XCTAssertEqual(stats.minValues["name"], .string("name-0-é"))
        XCTAssertEqual(stats.minValues["day"], .date(Temporal.parseDate("2024-01-01")!))
        XCTAssertEqual(stats.minValues["amount"], .decimal(Decimal128(-300, precision: 10, scale: 2)))
        XCTAssertEqual(stats.maxValues["amount"], .decimal(Decimal128(-50, precision: 10, scale: 2)))
        let maxTs = Temporal.parseTimestamp("2024-03-01 14:00:00.002")!
        XCTAssertEqual(stats.maxValues["ts"], .timestamp(maxTs + 1000, .microsecond, utc: true), "max widened by 1 ms")
        XCTAssertEqual(stats.minValues["point.y"], .double(-2))
        XCTAssertEqual(stats.nullCount["point.x"], 0)
        XCTAssertEqual(stats.nullCount["flag"], 1)
        XCTAssertNil(stats.minValues["tags"])
    }

    /// Lode's statistics of delta-rs's data files agree with the statistics delta-rs wrote.
    func testCollectorAgreesWithDeltaRs() throws {
        let table = DeltaFixtures.table("deltars-types")
        for version in [Int64(0), 2, 4, 6] {
            let snapshot = try table.snapshot(version: version)
            for file in snapshot.files {
                let reader = try ParquetReader(path: DeltaFixtures.path("deltars-types") + "/" + percentDecoded(file.path))
                var batches: [RecordBatch] = []
                for group in 0..<reader.rowGroupCount {
                    let read = try reader.readRowGroup(group)
                    batches.append(try RecordBatch(schema: snapshot.schema, columns: zip(snapshot.schema.fields, read.columns).map {
                        try ColumnConformance.conform($1, to: $0.type, column: $0.name)
                    }))
                }
                let ours = try FileStatistics(json: FileStatisticsCollector.statistics(of: batches, schema: snapshot.schema)
                    .jsonString(schema: snapshot.schema), schema: snapshot.schema)
                let theirs = try FileStatistics(json: try XCTUnwrap(file.stats), schema: snapshot.schema)
                XCTAssertEqual(ours.numRecords, theirs.numRecords)
                for (path, value) in theirs.minValues where path != "flag" {
                    XCTAssertEqual(ours.minValues[path].flatMap { Value.compare($0, value) }, 0, "min \(path): \(String(describing: ours.minValues[path])) vs \(value)")
                }
                for (path, value) in theirs.maxValues where path != "flag" {
                    XCTAssertEqual(ours.maxValues[path].flatMap { Value.compare($0, value) }, 0, "max \(path): \(String(describing: ours.maxValues[path])) vs \(value)")
                }
                for (path, count) in theirs.nullCount { XCTAssertEqual(ours.nullCount[path], count, "nullCount \(path)") }
            }
        }
    }

    func testFooterStatisticsMatchTheCollector() throws {
        let schema = Schema([Field("id", .int64), Field("name", .string), Field("amount", .decimal(precision: 12, scale: 3)),
                             Field("day", .date), Field("ts", .timestampUTC), Field("f", .float32),
                             Field("s", .struct([Field("x", .int32), Field("y", .string)]))])
        var batches: [RecordBatch] = []
        for chunk in 0..<3 {
            let ids = (0..<50).map { Int64(chunk * 50 + $0) }
            let columns: [any ColumnArray] = [
                PrimitiveArray<Int64>(.int64, ids.map { $0 % 7 == 0 ? nil : $0 - 60 }),
                BinaryArray(strings: ids.map { $0 % 5 == 0 ? nil : "name \($0) " + String(repeating: "ü", count: Int($0 % 40)) }),
                PrimitiveArray<Int128>(.decimal(precision: 12, scale: 3), ids.map { Int128($0) * 1001 - 5000 }),
                PrimitiveArray<Int32>(.date, ids.map { Int32($0) - 100 }),
                PrimitiveArray<Int64>(.timestampUTC, ids.map { $0 * 1_234_567 - 10_000_000 }),
                PrimitiveArray<Float>(.float32, ids.map { Float($0) / 3 }),
                StructArray(.struct([Field("x", .int32), Field("y", .string)]),
                            children: [PrimitiveArray<Int32>(.int32, ids.map { Int32($0) }), BinaryArray(strings: ids.map { "y\($0)" })],
                            count: ids.count, validity: Bitmap(ids.map { $0 != 3 })),
            ]
            batches.append(try RecordBatch(schema: schema, columns: columns))
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lode-stats-\(UUID().uuidString).parquet").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = ParquetWriteOptions()
        options.maxRowGroupRows = 60
        let writer = try ParquetWriter(path: path, schema: schema, options: options)
        for batch in batches { try writer.write(batch) }
        let footer = try writer.close()
        let columns = StatisticsColumns(schema: schema, properties: [:])
        let fromFooter = FileStatistics(footer: footer, schema: schema, columns: columns)
        let fromBatches = FileStatisticsCollector.statistics(of: batches, schema: schema)
        XCTAssertEqual(fromFooter, fromBatches)
        XCTAssertEqual(fromBatches.nullCount["s.x"], 1)
        XCTAssertEqual(fromBatches.nullCount["name"], 30)
        XCTAssertEqual(fromBatches.minValues["id"], .int(-59))
    }

    func testStringsAndTimestampsAreCut() throws {
        let schema = Schema([Field("s", .string), Field("t", .timestampNTZ), Field("d", .float64)])
        let long = String(repeating: "a", count: 31) + "éz-tail"
        let batch = try RecordBatch(schema: schema, columns: [
            BinaryArray(strings: [long, "b"]),
            PrimitiveArray<Int64>(.timestampNTZ, [1_500_999, -1_500]),
            PrimitiveArray<Double>(.float64, [1, .nan]),
        ])
        let stats = FileStatisticsCollector.statistics(of: [batch], schema: schema)
        XCTAssertEqual(stats.minValues["s"], .string(String(repeating: "a", count: 31) + "é"))
        XCTAssertEqual(stats.maxValues["s"], .string("b"))
        XCTAssertEqual(stats.minValues["t"], .timestamp(-2_000, .microsecond, utc: false))
        XCTAssertEqual(stats.maxValues["t"], .timestamp(1_500_000, .microsecond, utc: false))
        XCTAssertNil(stats.minValues["d"], "NaN drops the bounds")
        XCTAssertEqual(stats.jsonString(schema: schema),
                       #"{"numRecords":2,"minValues":{"s":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaé","t":"1969-12-31T23:59:59.998"},"maxValues":{"s":"b","t":"1970-01-01T00:00:01.500"},"nullCount":{"s":0,"t":0,"d":0}}"#)
        let cutMax = FileStatisticsCollector.statistics(of: [try RecordBatch(schema: schema, columns: [
            BinaryArray(strings: [long]), PrimitiveArray<Int64>(.timestampNTZ, [0]), PrimitiveArray<Double>(.float64, [0])])],
            schema: schema)
        XCTAssertEqual(cutMax.maxValues["s"], .string(String(repeating: "a", count: 31) + "é\u{10FFFF}"))
    }

    func testIndexedColumns() {
        let schema = Schema([Field("a", .int64), Field("s", .struct([Field("x", .int64), Field("y", .int64)])), Field("b", .string)])
        XCTAssertEqual(StatisticsColumns(schema: schema, properties: [:]).paths, ["a", "s.x", "s.y", "b"])
        XCTAssertEqual(StatisticsColumns(schema: schema, properties: ["delta.dataSkippingNumIndexedCols": "2"]).paths, ["a", "s.x"])
        XCTAssertEqual(StatisticsColumns(schema: schema, properties: ["delta.dataSkippingNumIndexedCols": "-1"]).paths.count, 4)
        XCTAssertEqual(StatisticsColumns(schema: schema, properties: ["delta.dataSkippingStatsColumns": "b, `s`"]).paths, ["s.x", "s.y", "b"])
    }

    func testBadStatisticsAreIgnoredOrNamed() throws {
        let schema = Schema([Field("a", .int64), Field("d", .date)])
        let stats = try FileStatistics(json: #"{"numRecords":2,"minValues":{"a":"x","d":"2024-13-01","zz":1},"maxValues":{"a":5},"nullCount":{"a":0}}"#,
                                       schema: schema)
        XCTAssertEqual(stats.minValues, [:])
        XCTAssertEqual(stats.maxValues, ["a": .int(5)])
        assertDeltaError(.corruptLog, ["stats", "byte"]) { _ = try FileStatistics(json: "{", schema: schema) }
    }
}
