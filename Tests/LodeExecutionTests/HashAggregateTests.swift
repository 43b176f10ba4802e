import XCTest
import LodeCore
import LodePlan
@testable import LodeExecution

final class HashAggregateTests: XCTestCase {
    let schema = testSchema(("a", .int32), ("b", .string), ("x", .int64))
    /// DuckDB: `VALUES (1,'a',10),(1,'b',20),(2,'a',5),(NULL,'a',7),(2,NULL,NULL),(NULL,NULL,3)`.
    let rows: [[Value]] = [
        [.int(1), .string("a"), .int(10)], [.int(1), .string("b"), .int(20)], [.int(2), .string("a"), .int(5)],
        [.null, .string("a"), .int(7)], [.int(2), .null, .null], [.null, .null, .int(3)],
    ]

    func spec(_ name: String, _ argument: Int?, filter: (any PhysicalExpression)? = nil) -> AggregateSpec {
        AggregateSpec(call: AggregateCall(name: name, arguments: [], type: .int64),
                      arguments: argument.map { [ColumnExpression(index: $0, type: schema.fields[$0].type)] } ?? [],
                      filter: filter)
    }

    func aggregate(_ input: any PhysicalOperator, groups: [Int], _ aggregates: [AggregateSpec], sets: [[Int]]? = nil,
                   groupingID: Bool = false) -> HashAggregateOperator {
        let fields = groups.map { input.schema.fields[$0] } + aggregates.indices.map { Field("agg\($0)", .int64) }
            + (groupingID ? [Field("grouping_id", .int64)] : [])
        return HashAggregateOperator(input: input, groups: groups.map { ColumnExpression(index: $0, type: input.schema.fields[$0].type) },
                                     aggregates: aggregates, groupingSets: sets, emitsGroupingID: groupingID,
                                     schema: Schema(fields), accumulators: TestAccumulator.factory)
    }

    func testRollupMatchesDuckDB() throws {
        for partitions in [1, 3] {
            let input = HashingTestSource(schema, rows, partitions: partitions, batchRows: 2)
            let op = aggregate(input, groups: [0, 1], [spec("count_star", nil), spec("count", 2), spec("sum", 2)],
                               sets: [[0, 1], [0], []], groupingID: true)
            // select a, b, count(*), count(x), sum(x), grouping_id(a,b) from t group by rollup(a,b)
            XCTAssertEqual(sortedRows(try testRows(op, ExecutionContext(threads: 2))), sortedRows([
                [.int(1), .string("a"), .int(1), .int(1), .int(10), .int(0)],
                [.int(1), .string("b"), .int(1), .int(1), .int(20), .int(0)],
                [.int(1), .null, .int(2), .int(2), .int(30), .int(1)],
                [.int(2), .string("a"), .int(1), .int(1), .int(5), .int(0)],
                [.int(2), .null, .int(1), .int(0), .null, .int(0)],
                [.int(2), .null, .int(2), .int(1), .int(5), .int(1)],
                [.null, .string("a"), .int(1), .int(1), .int(7), .int(0)],
                [.null, .null, .int(1), .int(1), .int(3), .int(0)],
                [.null, .null, .int(2), .int(2), .int(10), .int(1)],
                [.null, .null, .int(6), .int(5), .int(45), .int(3)],
            ]))
        }
    }

    func testGroupingSetsMatchDuckDB() throws {
        let input = HashingTestSource(schema, rows, partitions: 2, batchRows: 1)
        let op = aggregate(input, groups: [0, 1], [spec("count_star", nil), spec("sum", 2)], sets: [[0], [1], []], groupingID: true)
        // select a, b, count(*), sum(x), grouping_id(a,b) from t group by grouping sets ((a),(b),())
        XCTAssertEqual(sortedRows(try testRows(op, ExecutionContext(threads: 2))), sortedRows([
            [.int(1), .null, .int(2), .int(30), .int(1)], [.int(2), .null, .int(2), .int(5), .int(1)],
            [.null, .string("a"), .int(3), .int(22), .int(2)], [.null, .string("b"), .int(1), .int(20), .int(2)],
            [.null, .null, .int(2), .int(3), .int(2)], [.null, .null, .int(2), .int(10), .int(1)],
            [.null, .null, .int(6), .int(45), .int(3)],
        ]))
    }

    func testFilterKeepsOnlyTrueRows() throws {
        let input = HashingTestSource(schema, rows, partitions: 2, batchRows: 2)
        let overSix = TestPredicate("x > 6") { row in
            guard case .int(let x) = row[2] else { return nil }
            return x > 6
        }
        let isA = TestPredicate("b = 'a'") { row in row[1].isNull ? nil : row[1] == .string("a") }
        let op = aggregate(input, groups: [0], [spec("count_star", nil, filter: overSix), spec("sum", 2, filter: isA)])
        // select a, count(*) filter (where x > 6), sum(x) filter (where b = 'a') from t group by a
        XCTAssertEqual(sortedRows(try testRows(op, ExecutionContext(threads: 2))),
                       sortedRows([[.int(1), .int(2), .int(10)], [.int(2), .int(0), .int(5)], [.null, .int(1), .int(7)]]))
    }

    func testEmptyInput() throws {
        let empty = HashingTestSource(schema, [], partitions: 2)
        let global = aggregate(empty, groups: [], [spec("count_star", nil), spec("sum", 2)])
        XCTAssertEqual(sortedRows(try testRows(global, ExecutionContext(threads: 2))), ["0|NULL"])
        let grouped = aggregate(empty, groups: [0], [spec("count_star", nil)])
        XCTAssertEqual(try testRows(grouped, ExecutionContext(threads: 2)).count, 0)
        let rollup = aggregate(empty, groups: [0], [spec("count_star", nil), spec("sum", 2)], sets: [[0], []], groupingID: true)
        XCTAssertEqual(sortedRows(try testRows(rollup, ExecutionContext(threads: 2))), ["NULL|0|NULL|1"])
        let distinct = aggregate(HashingTestSource(schema, rows, partitions: 3, batchRows: 1), groups: [1], [])
        XCTAssertEqual(sortedRows(try testRows(distinct, ExecutionContext(threads: 2))), ["NULL", "a", "b"])
    }

    func testManyGroupsMergeAcrossPartitionsInBatches() throws {
        let schema = testSchema(("k", .int64), ("s", .string), ("v", .int64))
        let rows: [[Value]] = (0..<20_000).map { i in [.int(Int64(i % 5000)), .string("g\(i % 3)"), .int(Int64(i))] }
        let input = HashingTestSource(schema, rows, partitions: 4, batchRows: 3000)
        for groups in [[0], [0, 1]] {
            let fields = groups.map { schema.fields[$0] } + [Field("n", .int64), Field("s", .int64)]
            let op = HashAggregateOperator(
                input: input, groups: groups.map { ColumnExpression(index: $0, type: schema.fields[$0].type) },
                aggregates: [AggregateSpec(call: AggregateCall(name: "count_star", arguments: [], type: .int64), arguments: [], filter: nil),
                             AggregateSpec(call: AggregateCall(name: "sum", arguments: [], type: .int64),
                                           arguments: [ColumnExpression(index: 2, type: .int64)], filter: nil)],
                groupingSets: nil, emitsGroupingID: false, schema: Schema(fields), accumulators: TestAccumulator.factory)
            let context = ExecutionContext(threads: 2, batchSize: 1000)
            let batches = try context.collect(op)
            XCTAssertTrue(batches.allSatisfy { $0.count <= 1000 })
            let out = batches.flatMap { b in (0..<b.count).map { b.row($0) } }
            var expected: [String: (Int64, Int64)] = [:]
            for row in rows {
                let key = groups.map { row[$0].description }.joined(separator: "|")
                let v: Int64 = { if case .int(let v) = row[2] { return v } else { return 0 } }()
                expected[key, default: (0, 0)].0 += 1
                expected[key, default: (0, 0)].1 += v
            }
            XCTAssertEqual(out.count, expected.count)
            for row in out {
                let key = row.prefix(groups.count).map(\.description).joined(separator: "|")
                XCTAssertEqual([row[groups.count], row[groups.count + 1]], [.int(expected[key]?.0 ?? -1), .int(expected[key]?.1 ?? -1)])
            }
        }
    }

    func testTablesOverTheMemoryLimitFail() throws {
        let schema = testSchema(("k", .int64))
        let input = HashingTestSource(schema, (0..<50_000).map { [.int(Int64($0))] }, partitions: 2, batchRows: 5000)
        let op = HashAggregateOperator(input: input, groups: [ColumnExpression(index: 0, type: .int64)], aggregates: [],
                                       groupingSets: nil, emitsGroupingID: false, schema: schema,
                                       accumulators: TestAccumulator.factory)
        XCTAssertThrowsError(try testRows(op, ExecutionContext(threads: 2, memoryLimit: 100_000))) { error in
            XCTAssertEqual((error as? ExecutionError)?.kind, .outOfMemory)
            XCTAssertTrue("\(error)".contains("HashAggregate"))
        }
        XCTAssertEqual(try testRows(op, ExecutionContext(threads: 2)).count, 50_000)
    }
}
