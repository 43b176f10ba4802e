import XCTest
import LodeCore
import LodePlan
@testable import LodeExecution

final class NestedLoopJoinTests: XCTestCase {
    let leftSchema = testSchema(("a", .int64), ("x", .int32))
    let rightSchema = testSchema(("b", .int64), ("y", .int32))

    func join(_ kind: JoinKind, _ left: [[Value]], _ right: [[Value]], partitions: Int = 1,
              condition: (any PhysicalExpression)?, batchSize: Int = 8192) throws -> [RecordBatch] {
        let op = NestedLoopJoinOperator(kind: kind, left: HashingTestSource(leftSchema, left, partitions: partitions, batchRows: 5),
                                        right: HashingTestSource(rightSchema, right, partitions: 2, batchRows: 4),
                                        condition: condition, schema: joinSchema(kind, leftSchema, rightSchema))
        return try ExecutionContext(threads: 2, batchSize: batchSize).collect(op)
    }

    func rows(_ batches: [RecordBatch]) -> [[Value]] { batches.flatMap { b in (0..<b.count).map { b.row($0) } } }

    func testEveryKindWithAnInequalityMatchesTheReference() throws {
        var rng = SeededGenerator(seed: 11)
        func random(_ n: Int) -> [[Value]] {
            (0..<n).map { _ in [Int.random(in: 0..<8, using: &rng) == 0 ? .null : .int(Int64.random(in: 0..<10, using: &rng)),
                                .int(Int64.random(in: 0..<5, using: &rng))] }
        }
        let left = random(40), right = random(25)
        // a < b AND x <> y: NULL when a or b is NULL.
        let body: @Sendable ([Value]) -> Bool? = { row in
            guard case .int(let a) = row[0], case .int(let b) = row[2] else { return nil }
            return a < b && row[1] != row[3]
        }
        for kind in [JoinKind.inner, .left, .right, .full, .semi, .anti(nullAware: false)] {
            for partitions in [1, 3] {
                let batches = try join(kind, left, right, partitions: partitions, condition: TestPredicate("a < b", body), batchSize: 16)
                XCTAssertTrue(batches.allSatisfy { $0.count <= 16 })
                let expected = try referenceJoin(kind, left: left, right: right, leftKeys: [], rightKeys: [], leftWidth: 2,
                                                 rightWidth: 2, residual: body)
                XCTAssertEqual(sortedRows(rows(batches)), sortedRows(expected), "\(kind)")
            }
        }
    }

    func testCrossProduct() throws {
        let left: [[Value]] = (0..<7).map { [.int(Int64($0)), .int(0)] }
        let right: [[Value]] = (0..<9).map { [.int(Int64($0)), .int(1)] }
        let batches = try join(.inner, left, right, partitions: 2, condition: nil, batchSize: 10)
        XCTAssertEqual(rows(batches).count, 63)
        XCTAssertTrue(batches.allSatisfy { $0.count <= 10 })
        XCTAssertEqual(rows(try join(.inner, left, [], condition: nil)).count, 0)
        XCTAssertEqual(rows(try join(.left, left, [], condition: nil)).count, 7)
    }

    func testMarkAndNotInFollowThreeValuedLogic() throws {
        let equal = TestPredicate("a = b") { row in
            guard case .int(let a) = row[0], case .int(let b) = row[2] else { return nil }
            return a == b
        }
        let left: [[Value]] = [[.int(1), .int(0)], [.int(2), .int(0)], [.null, .int(0)]]
        let withNull: [[Value]] = [[.int(2), .int(0)], [.null, .int(0)]]
        let without: [[Value]] = [[.int(2), .int(0)], [.int(3), .int(0)]]
        XCTAssertEqual(sortedRows(rows(try join(.mark, left, withNull, condition: equal))), ["1|0|NULL", "2|0|true", "NULL|0|NULL"])
        XCTAssertEqual(sortedRows(rows(try join(.mark, left, without, condition: equal))), ["1|0|false", "2|0|true", "NULL|0|NULL"])
        XCTAssertEqual(sortedRows(rows(try join(.mark, left, [], condition: equal))), ["1|0|false", "2|0|false", "NULL|0|false"])
        XCTAssertEqual(sortedRows(rows(try join(.anti(nullAware: true), left, withNull, condition: equal))), [])
        XCTAssertEqual(sortedRows(rows(try join(.anti(nullAware: true), left, without, condition: equal))), ["1|0"])
        XCTAssertEqual(sortedRows(rows(try join(.anti(nullAware: true), left, [], condition: equal))), ["1|0", "2|0", "NULL|0"])
    }
}
