import XCTest
@testable import LodeDelta

final class KernelTimeTravelTests: XCTestCase {
    let base: Int64 = 1_700_000_000_000

    /// deltars-checkpoints with commit v written at base + v seconds.
    func store() throws -> MemoryStore {
        let store = try DeltaFixtures.memoryStore("deltars-checkpoints")
        let paths = DeltaLogPaths(tableRoot: "")
        for v in Int64(0)...24 { store.setTime(paths.commit(v), base + v * 1000) }
        return store
    }

    func testAsOfCommitFileTimes() throws {
        let table = DeltaTable(store: try store())
        XCTAssertEqual(try table.snapshot(asOf: base).version, 0)
        XCTAssertEqual(try table.snapshot(asOf: base + 5000).version, 5)
        XCTAssertEqual(try table.snapshot(asOf: base + 5999).version, 5)
        XCTAssertEqual(try table.snapshot(asOf: base + 24_000).version, 24)
        XCTAssertEqual(try table.snapshot(asOf: base + 99_000_000).version, 24)
        XCTAssertEqual(try table.snapshot(asOf: base + 13_500).timestamp, base + 13_000)
        assertDeltaError(.versionNotFound, ["at or before 2023-11-14 22:13:19.999 UTC", "version 0"]) { _ = try table.snapshot(asOf: base - 1) }
    }

    func testNonIncreasingTimesAreMadeIncreasing() throws {
        let store = try store()
        store.setTime(DeltaLogPaths(tableRoot: "").commit(7), base + 2000)
        let table = DeltaTable(store: store)
        XCTAssertEqual(try table.snapshot(asOf: base + 6000).version, 6)
        XCTAssertEqual(try table.snapshot(asOf: base + 6001).version, 7)
        XCTAssertEqual(try table.snapshot(asOf: base + 7999).version, 7)
    }

    func testCleanedLogTravelsFromTheOldestCheckpoint() throws {
        let store = try store()
        for v in Int64(0)..<10 { store.remove(DeltaLogPaths(tableRoot: "").commit(v)) }
        store.setTime("_delta_log/00000000000000000010.checkpoint.parquet", base + 10_000)
        let table = DeltaTable(store: store)
        assertDeltaError(.versionNotFound, ["earliest available is version 10"]) { _ = try table.snapshot(asOf: base + 3000) }
        XCTAssertEqual(try table.snapshot(asOf: base + 10_500).version, 10)
        XCTAssertEqual(try table.snapshot(asOf: base + 11_500).version, 11)
    }

    func testInCommitTimestampsWin() throws {
        let store = try DeltaFixtures.memoryStore("in-commit-timestamps")
        let ict: Int64 = 1_700_000_000_000, hour: Int64 = 3_600_000
        for v in Int64(0)...3 { store.setTime(DeltaLogPaths(tableRoot: "").commit(v), 2_000_000_000_000 - v) }
        let table = DeltaTable(store: store)
        XCTAssertEqual(try table.snapshot(asOf: ict + hour + hour / 2).version, 1)
        XCTAssertEqual(try table.snapshot(asOf: ict + 3 * hour).version, 3)
        XCTAssertEqual(try table.snapshot(version: 2).timestamp, ict + 2 * hour)
        assertDeltaError(.versionNotFound, []) { _ = try table.snapshot(asOf: ict - 1) }
        XCTAssertEqual(try table.history().map(\.timestamp), [3, 2, 1, 0].map { ict + $0 * hour })
    }

    func testHistoryNewestFirst() throws {
        let table = DeltaTable(store: try store())
        let history = try table.history(limit: 3)
        XCTAssertEqual(history.map(\.version), [24, 23, 22])
        XCTAssertEqual(history.map(\.timestamp), [base + 24_000, base + 23_000, base + 22_000])
        XCTAssertEqual(history.first?.info.operation, "WRITE")
        XCTAssertEqual(history.first?.info.operationParameters?["mode"], #""Append""#)
        XCTAssertEqual(try table.history().count, 25)
        let types = try DeltaFixtures.table("deltars-types").history()
        XCTAssertEqual(types.map { $0.info.operation ?? "" }, ["OPTIMIZE", "DELETE", "WRITE", "WRITE", "WRITE", "WRITE", "WRITE"])
    }
}
