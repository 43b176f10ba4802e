import Foundation
import LodeCore
import LodeDelta
import LodePlan
import XCTest
@testable import LodeEngine

final class DeltaSourceTests: XCTestCase {
    private let sales = SourceTesting.fixture("delta/sales")

    /// A copy of the sales table whose commits were made on 2026-01-01, -02 and -03 at noon UTC.
    private func datedCopy() throws -> String {
        let dir = try SourceTesting.folder()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        let copy = dir + "/sales"
        try FileManager.default.copyItem(atPath: sales, toPath: copy)
        for version in 0...2 {
            let seconds = Int(Temporal.days(year: 2026, month: 1, day: 1 + version)) * 86_400 + 43_200
            let file = copy + "/_delta_log/0000000000000000000\(version).json"
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: Double(seconds))], ofItemAtPath: file)
        }
        return copy
    }

    func testLatestVersionSchemaAndEstimate() throws {
        let source = try DeltaSource(path: sales, version: nil)
        XCTAssertEqual(source.version, 2)
        XCTAssertEqual(source.schema.names, ["id", "region", "day", "amount"])
        XCTAssertEqual(source.estimatedRowCount, 100)
        XCTAssertEqual(source.metrics.filesOpened, 0)
        let rows = try SourceTesting.rows(source, SourceTesting.request([1, 0]))
        XCTAssertEqual(rows.count, 100)
        XCTAssertEqual(Set(rows.map { $0[0] }), [.string("north"), .string("east")])
    }

    func testPartitionFilterOpensOnlyMatchingFiles() throws {
        let source = try DeltaSource(path: sales, version: nil)
        let filter = SourceTesting.call("=", SourceTesting.column(1, .string), .literal(.string("east"), .string))
        let rows = try SourceTesting.rows(source, SourceTesting.request([0, 1], filters: [filter], partitions: 2))
        XCTAssertEqual(rows.count, 50)
        XCTAssertTrue(rows.allSatisfy { $0[1] == .string("east") })
        XCTAssertEqual(source.metrics.filesOpened, 1)
    }

    func testInListOverPartitionsPrunes() throws {
        let source = try DeltaSource(path: sales, version: .version(1))
        let filter = BoundExpression.call("in", [SourceTesting.column(1, .string), .literal(.string("south"), .string),
                                                 .literal(.string("west"), .string)], .boolean)
        let rows = try SourceTesting.rows(source, SourceTesting.request([1], filters: [filter]))
        XCTAssertEqual(rows.count, 50)
        XCTAssertEqual(source.metrics.filesOpened, 1)
    }

    func testStatisticsSkipFiles() throws {
        let source = try DeltaSource(path: sales, version: nil)
        // id < 10 rules out the east file (ids 100...149) by its min/max statistics.
        let filter = SourceTesting.call("<", SourceTesting.column(0, .int64), .literal(.int(10), .int64))
        let rows = try SourceTesting.rows(source, SourceTesting.request([0], filters: [filter]))
        XCTAssertEqual(rows.count, 50)
        XCTAssertEqual(source.metrics.filesOpened, 1)
        // A date range under a cast to TIMESTAMP skips the same way.
        source.metrics.reset()
        let day = BoundExpression.cast(SourceTesting.column(2, .date), to: .timestamp(.microsecond, utc: false), isTry: false)
        let from = Temporal.parseTimestamp("2025-04-15 00:00:00")!
        let late = SourceTesting.call(">=", day, .literal(.timestamp(from, .microsecond, utc: false), .timestamp(.microsecond, utc: false)))
        _ = try SourceTesting.rows(source, SourceTesting.request([2], filters: [late]))
        XCTAssertEqual(source.metrics.filesOpened, 1)
    }

    func testOnlyPartitionColumnsReadNoData() throws {
        let source = try DeltaSource(path: sales, version: nil)
        let batches = try SourceTesting.batches(source, SourceTesting.request([1]))
        XCTAssertEqual(batches.reduce(0) { $0 + $1.count }, 100)
        XCTAssertEqual(batches[0].schema.fields[0].type, .string)
    }

    func testVersionTimeTravel() throws {
        let v0 = try DeltaSource(path: sales, version: .version(0))
        XCTAssertEqual(try SourceTesting.rows(v0, SourceTesting.request([0])).count, 100)
        let v1 = try DeltaSource(path: sales, version: .version(1))
        let regions = try SourceTesting.rows(v1, SourceTesting.request([1])).map { $0[0] }
        XCTAssertEqual(regions.count, 150)
        XCTAssertEqual(Set(regions), [.string("north"), .string("south"), .string("east")])
        XCTAssertEqual(v1.estimatedRowCount, 150)
    }

    func testTimestampTimeTravel() throws {
        let copy = try datedCopy()
        let micros = Temporal.parseTimestamp("2026-01-02 18:00:00")!
        let source = try DeltaSource(path: copy, version: .timestamp(micros))
        XCTAssertEqual(source.version, 1)
        XCTAssertThrowsError(try DeltaSource(path: copy, version: .timestamp(Temporal.parseTimestamp("2025-12-31 00:00:00")!))) { error in
            XCTAssertTrue(error is EngineError)
            XCTAssertTrue("\(error)".contains(copy), "\(error)")
        }
    }

    func testLimitStopsEarly() throws {
        let source = try DeltaSource(path: sales, version: nil)
        let rows = try SourceTesting.rows(source, SourceTesting.request([0], limit: 10, partitions: 2))
        XCTAssertEqual(rows.count, 10)
        XCTAssertEqual(source.metrics.filesOpened, 1)
    }

    func testErrors() throws {
        XCTAssertThrowsError(try DeltaSource(path: SourceTesting.fixture("delta/missing"), version: nil)) { error in
            XCTAssertTrue("\(error)".contains("delta/missing"), "\(error)")
        }
        XCTAssertThrowsError(try DeltaSource(path: SourceTesting.fixture("parquet/parts"), version: nil)) { error in
            XCTAssertTrue("\(error)".contains("not a Delta table"), "\(error)")
        }
        XCTAssertThrowsError(try DeltaSource(path: sales, version: .version(9))) { error in
            XCTAssertEqual((error as? EngineError)?.kind, .invalidArgument)
            XCTAssertTrue("\(error)".contains("sales"), "\(error)")
        }
    }

    func testMissingDataFileIsNamed() throws {
        let dir = try SourceTesting.folder()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: sales, toPath: dir + "/sales")
        try FileManager.default.removeItem(atPath: dir + "/sales/region=east")
        let source = try DeltaSource(path: dir + "/sales", version: nil)
        XCTAssertThrowsError(try SourceTesting.rows(source, SourceTesting.request([0]))) { error in
            XCTAssertTrue("\(error)".contains("region=east"), "\(error)")
        }
    }
}

/// The source against LodeDelta's own sequential scan, over the Delta fixtures that
/// delta-rs and Spark wrote (types, partition spellings, checkpoints).
final class DeltaSourceAgreementTests: XCTestCase {
    func testAgreesWithTheDeltaKernelScan() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/delta").path
        for name in ["deltars-types", "deltars-partitioned", "deltars-partition-types", "deltars-checkpoints", "deltars-ntz",
                     "deltars-multipart", "spark-style", "in-commit-timestamps"] {
            let path = root + "/" + name
            let source = try DeltaSource(path: path, version: nil)
            let columns = Array(source.schema.fields.indices)
            let ours = try SourceTesting.rows(source, SourceTesting.request(columns, partitions: 2))
            var scan = try LodeDelta.DeltaTable(path: path).snapshot().scan()
            let theirs = try scan.collect().flatMap { batch in (0..<batch.count).map(batch.row) }
            XCTAssertEqual(ours.count, theirs.count, name)
            XCTAssertEqual(Set(ours.map { "\($0)" }), Set(theirs.map { "\($0)" }), name)
            // Columns in another order come out in that order.
            let reversed = try SourceTesting.rows(source, SourceTesting.request(columns.reversed()))
            XCTAssertEqual(Set(reversed.map { "\(Array($0.reversed()))" }), Set(theirs.map { "\($0)" }), name)
        }
    }
}
