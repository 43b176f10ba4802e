import XCTest
@testable import LodeExecution

final class MemoryPoolTests: XCTestCase {
    func testGrowthPastTheLimitThrowsAndLeavesThePoolUsable() throws {
        let pool = MemoryPool(limit: 1000)
        let a = pool.reservation(for: "Sort")
        try a.grow(600)
        let b = pool.reservation(for: "HashJoin build")
        XCTAssertThrowsError(try b.grow(500)) { error in
            XCTAssertEqual((error as? ExecutionError)?.kind, .outOfMemory)
            XCTAssertTrue("\(error)".contains("HashJoin build"))
        }
        a.release()
        try b.grow(900)
        XCTAssertEqual(pool.reserved, 900)
        XCTAssertEqual(pool.peakReserved, 900)
    }

    func testParallelRunsEveryIndexAndRethrows() throws {
        let context = ExecutionContext(threads: 2)
        let seen = PartitionResults<Bool>(count: 50, initial: false)
        try context.parallel(50) { seen[$0] = true }
        XCTAssertTrue(seen.values.allSatisfy { $0 })
        XCTAssertThrowsError(try context.parallel(10) { i in
            if i == 7 { throw ExecutionError(.invalidInput, "seven") }
        })
    }
}
