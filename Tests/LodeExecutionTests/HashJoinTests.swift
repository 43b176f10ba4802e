import XCTest
import LodeCore
import LodePlan
@testable import LodeExecution

final class HashJoinTests: XCTestCase {
    let leftSchema = testSchema(("a", .int64), ("s", .string), ("x", .int32))
    let rightSchema = testSchema(("b", .int64), ("t", .string), ("y", .int32))

    func hashJoin(_ kind: JoinKind, _ left: any PhysicalOperator, _ right: any PhysicalOperator, keys: [(Int, Int)],
                  residual: (any PhysicalExpression)? = nil) -> HashJoinOperator {
        HashJoinOperator(kind: kind, left: left, right: right,
                         leftKeys: keys.map { ColumnExpression(index: $0.0, type: left.schema.fields[$0.0].type) },
                         rightKeys: keys.map { ColumnExpression(index: $0.1, type: right.schema.fields[$0.1].type) },
                         residual: residual, schema: joinSchema(kind, left.schema, right.schema))
    }

    func randomRows(_ count: Int, _ rng: inout SeededGenerator) -> [[Value]] {
        (0..<count).map { _ in
            let a: Value = Int.random(in: 0..<10, using: &rng) == 0 ? .null : .int(Int64.random(in: 0..<12, using: &rng))
            let s: Value = Int.random(in: 0..<10, using: &rng) == 0 ? .null : .string(["p", "q", "rr"].randomElement(using: &rng)!)
            return [a, s, .int(Int64.random(in: 0..<100, using: &rng))]
        }
    }

    func testInnerJoinOnAHandExample() throws {
        let left = HashingTestSource(leftSchema, [[.int(1), .string("a"), .int(10)], [.int(2), .string("b"), .int(20)],
                                                  [.null, .string("c"), .int(30)], [.int(1), .string("d"), .int(40)]])
        let right = HashingTestSource(rightSchema, [[.int(1), .string("x"), .int(1)], [.int(1), .string("y"), .int(2)],
                                                    [.null, .string("z"), .int(3)], [.int(3), .string("w"), .int(4)]])
        let rows = try testRows(hashJoin(.inner, left, right, keys: [(0, 0)]), ExecutionContext(threads: 2))
        XCTAssertEqual(sortedRows(rows), [
            "1|a|10|1|x|1", "1|a|10|1|y|2", "1|d|40|1|x|1", "1|d|40|1|y|2",
        ])
    }

    func testEveryKindMatchesTheReferenceAcrossPartitionsAndBatchSizes() throws {
        var rng = SeededGenerator(seed: 7)
        let leftRows = randomRows(150, &rng), rightRows = randomRows(90, &rng)
        let residualBody: @Sendable ([Value]) -> Bool? = { row in
            guard case .int(let x) = row[2], case .int(let y) = row[5] else { return nil }
            return (x + y) % 3 != 0
        }
        let keySets: [[(Int, Int)]] = [[(0, 0)], [(0, 0), (1, 1)], [(1, 1)], [(0, 0), (2, 2)]]
        for keys in keySets {
            for withResidual in [false, true] {
                for kind in allJoinKinds {
                    let layouts: [(Int, Int, Int)] = [(1, 1000, 8192), (3, 11, 7), (2, 40, 64)]
                    for (partitions, batchRows, batchSize) in layouts {
                        let left = HashingTestSource(leftSchema, leftRows, partitions: partitions, batchRows: batchRows)
                        let right = HashingTestSource(rightSchema, rightRows, partitions: 2, batchRows: batchRows)
                        let residual: (any PhysicalExpression)? = withResidual ? TestPredicate("(x + y) % 3 != 0", residualBody) : nil
                        let join = hashJoin(kind, left, right, keys: keys, residual: residual)
                        let context = ExecutionContext(threads: 2, batchSize: batchSize)
                        let batches = try context.collect(join)
                        XCTAssertTrue(batches.allSatisfy { $0.count <= batchSize })
                        let got = batches.flatMap { b in (0..<b.count).map { b.row($0) } }
                        var reference: (([Value]) -> Bool?)?
                        if withResidual { reference = residualBody }
                        let expected = try referenceJoin(kind, left: leftRows, right: rightRows, leftKeys: keys.map { $0.0 },
                                                         rightKeys: keys.map { $0.1 }, rightWidth: 3, residual: reference)
                        XCTAssertEqual(sortedRows(got), sortedRows(expected),
                                       "\(kind) keys \(keys) residual \(withResidual) partitions \(partitions)")
                    }
                }
            }
        }
    }

    func testEmptySides() throws {
        var rng = SeededGenerator(seed: 3)
        let rows = randomRows(20, &rng)
        for kind in allJoinKinds {
            for (leftRows, rightRows) in [(rows, [[Value]]()), ([[Value]](), rows), ([[Value]](), [[Value]]())] {
                let join = hashJoin(kind, HashingTestSource(leftSchema, leftRows, partitions: 2),
                                    HashingTestSource(rightSchema, rightRows, partitions: 2), keys: [(0, 0)])
                let got = try testRows(join, ExecutionContext(threads: 2))
                let expected = try referenceJoin(kind, left: leftRows, right: rightRows, leftKeys: [0], rightKeys: [0],
                                                 rightWidth: 3, residual: nil)
                XCTAssertEqual(sortedRows(got), sortedRows(expected), "\(kind)")
            }
        }
    }

    func testNullAwareAntiJoinFollowsNotIn() throws {
        let schema = testSchema(("k", .int32))
        let left = HashingTestSource(schema, [[.int(1)], [.int(2)], [.null]])
        func notIn(_ right: [[Value]]) throws -> [String] {
            let join = hashJoin(.anti(nullAware: true), left, HashingTestSource(schema, right), keys: [(0, 0)])
            return sortedRows(try testRows(join, ExecutionContext(threads: 1)))
        }
        XCTAssertEqual(try notIn([[.int(2)], [.int(3)]]), ["1"])
        XCTAssertEqual(try notIn([[.int(2)], [.null]]), [])
        XCTAssertEqual(try notIn([]), ["1", "2", "NULL"])
    }

    func testMarkJoinIsTrueFalseOrNull() throws {
        let schema = testSchema(("k", .int32))
        let left = HashingTestSource(schema, [[.int(1)], [.int(2)], [.null]])
        func marks(_ right: [[Value]]) throws -> [String] {
            let join = hashJoin(.mark, left, HashingTestSource(schema, right), keys: [(0, 0)])
            return sortedRows(try testRows(join, ExecutionContext(threads: 1)))
        }
        XCTAssertEqual(try marks([[.int(2)], [.int(3)]]), ["1|false", "2|true", "NULL|NULL"])
        XCTAssertEqual(try marks([[.int(2)], [.null]]), ["1|NULL", "2|true", "NULL|NULL"])
        XCTAssertEqual(try marks([]), ["1|false", "2|false", "NULL|false"])
    }

    func testSingleJoinFailsWhenARowMatchesTwice() throws {
        let schema = testSchema(("k", .int32))
        let left = HashingTestSource(schema, [[.int(1)], [.int(2)]])
        let ok = hashJoin(.single, left, HashingTestSource(schema, [[.int(1)], [.int(3)]]), keys: [(0, 0)])
        XCTAssertEqual(sortedRows(try testRows(ok, ExecutionContext(threads: 1))), ["1|1", "2|NULL"])
        let twice = hashJoin(.single, left, HashingTestSource(schema, [[.int(2)], [.int(2)]]), keys: [(0, 0)])
        XCTAssertThrowsError(try testRows(twice, ExecutionContext(threads: 1))) { error in
            XCTAssertEqual(error as? ExecutionError,
                           ExecutionError(.invalidInput, "more than one row returned by a subquery used as an expression"))
        }
    }

    func testAKeyWithManyMatchesSpreadsOverBatches() throws {
        let schema = testSchema(("k", .int64), ("v", .int64))
        let left = HashingTestSource(schema, (0..<3).map { [.int(7), .int(Int64($0))] })
        let right = HashingTestSource(schema, (0..<1000).map { [.int($0 % 2 == 0 ? 7 : 8), .int(Int64($0))] }, partitions: 3,
                                      batchRows: 128)
        let context = ExecutionContext(threads: 2, batchSize: 64)
        let batches = try context.collect(hashJoin(.inner, left, right, keys: [(0, 0)]))
        XCTAssertEqual(batches.reduce(0) { $0 + $1.count }, 1500)
        XCTAssertTrue(batches.allSatisfy { $0.count <= 64 })
        let full = try context.collect(hashJoin(.full, left, right, keys: [(0, 0)]))
        XCTAssertEqual(full.reduce(0) { $0 + $1.count }, 2000)
        XCTAssertTrue(full.allSatisfy { $0.count <= 64 })
    }

    func testKeysOfEveryPrimitiveType() throws {
        let types: [(DataType, [Value])] = [
            (.float64, [.double(0.0), .double(-0.0), .double(.nan), .double(1.5), .null]),
            (.float32, [.double(-0.0), .double(0.0), .double(2.5), .null]),
            (.decimal(precision: 20, scale: 2), [.decimal(Decimal128(12345, precision: 20, scale: 2)),
                                                 .decimal(Decimal128(-1, precision: 20, scale: 2)), .null]),
            (.date, [.date(19000), .date(-3), .null]),
            (.timestampUTC, [.timestamp(1_700_000_000_000_000, .microsecond, utc: true), .null]),
            (.boolean, [.boolean(true), .boolean(false), .null]),
            (.string, [.string(""), .string("héllo wörld, a longer string"), .null]),
            (.binary, [.binary([0, 1, 2]), .binary([]), .null]),
            (.int8, [.int(-128), .int(127), .null]),
            (.int16, [.int(-1), .int(300), .null]),
        ]
        for (type, values) in types {
            let schema = testSchema(("k", type))
            let rows = values.map { [$0] }
            let join = hashJoin(.inner, HashingTestSource(schema, rows + rows), HashingTestSource(schema, rows), keys: [(0, 0)])
            let got = try testRows(join, ExecutionContext(threads: 1))
            // Every non-NULL value meets its copy; -0.0 meets 0.0 and NaN meets NaN, as in DuckDB.
            let nonNull = values.filter { !$0.isNull }
            let zeros = nonNull.filter { if case .double(let d) = $0 { return d == 0 } else { return false } }.count
            let expected = 2 * (nonNull.count - zeros + zeros * zeros)
            XCTAssertEqual(got.count, expected, "\(type)")
        }
    }

    func testBuildOverTheMemoryLimitFails() throws {
        let schema = testSchema(("k", .int64))
        let rows = (0..<10_000).map { [Value.int(Int64($0))] }
        let join = hashJoin(.inner, HashingTestSource(schema, rows), HashingTestSource(schema, rows, partitions: 2), keys: [(0, 0)])
        XCTAssertThrowsError(try testRows(join, ExecutionContext(threads: 2, memoryLimit: 50_000))) { error in
            XCTAssertEqual((error as? ExecutionError)?.kind, .outOfMemory)
            XCTAssertTrue("\(error)".contains("HashJoin build"))
        }
        let context = ExecutionContext(threads: 2, memoryLimit: 10_000_000)
        XCTAssertEqual(try testRows(join, context).count, 10_000)
    }
}
