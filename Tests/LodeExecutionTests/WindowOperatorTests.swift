import LodeCore
import LodePlan
import XCTest
@testable import LodeExecution

/// A constant column.
private struct Constant: PhysicalExpression {
    let value: Value
    let type: DataType
    func evaluate(_ batch: RecordBatch) throws -> any ColumnArray { try makeArray(type, Array(repeating: value, count: batch.count)) }
    var description: String { value.description }
}

/// `#column > bound` over an INT column.
private struct GreaterThan: PhysicalExpression {
    let column: Int
    let bound: Int32
    var type: DataType { .boolean }
    func evaluate(_ batch: RecordBatch) throws -> any ColumnArray {
        let values = batch.columns[column] as! PrimitiveArray<Int32>
        return BooleanArray((0..<values.count).map { values.isNull($0) ? nil : values.storage[$0] > bound })
    }
    var description: String { "#\(column) > \(bound)" }
}

/// Window functions checked against DuckDB 2.0.1 (`SELECT f OVER (...) FROM t ORDER BY id`).
final class WindowOperatorTests: XCTestCase {
    static let schema = Schema([Field("id", .int32), Field("g", .int32), Field("o", .int32), Field("x", .int32), Field("s", .string)])
    static let batch: RecordBatch = {
        let g: [Int32?] = [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, nil, nil, 3, 1, 2]
        let o: [Int32?] = [1, 2, 2, 3, nil, 5, 1, 1, 4, 7, 8, 2, 2, 10, 5, nil]
        let x: [Int32?] = [10, nil, 3, 4, 5, 6, 1, nil, nil, 8, 9, 2, 7, 11, nil, 4]
        let s: [String?] = ["a", "b", "c", nil, "e", "f", "g", "h", "i", "j", nil, "l", "m", "n", "o", "p"]
        return try! RecordBatch(schema: schema, columns: [
            PrimitiveArray<Int32>(.int32, storage: Array(0..<16)), PrimitiveArray<Int32>(.int32, g),
            PrimitiveArray<Int32>(.int32, o), PrimitiveArray<Int32>(.int32, x), BinaryArray(strings: s),
        ])
    }()

    static let (id, g, o, x, s) = (0, 1, 2, 3, 4)

    func column(_ i: Int) -> any PhysicalExpression { ColumnExpression(index: i, type: Self.schema.fields[i].type) }

    /// The function's values in `id` order.
    func window(_ name: String, _ arguments: [any PhysicalExpression] = [], partitionBy: [Int] = [],
                orderBy: [(Int, Bool, Bool)] = [], frame: WindowFrameSpec? = nil, ignoreNulls: Bool = false,
                distinct: Bool = false, filter: (any PhysicalExpression)? = nil) throws -> [Value] {
        let resolved = try FunctionRegistry.resolveWindow(name, arguments: arguments.map(\.type))
        XCTAssertEqual(resolved.argumentTypes, arguments.map(\.type))
        let bound = arguments.enumerated().map { BoundExpression.column(ColumnID($0.offset), $0.element.type) }
        let call = WindowCall(name: resolved.name, arguments: bound, isDistinct: distinct, ignoreNulls: ignoreNulls,
                              partitionBy: [], orderBy: [],
                              frame: frame ?? (orderBy.isEmpty ? .entirePartition : .runningRange), type: resolved.returnType)
        let keys = orderBy.map { PhysicalSortKey(expression: column($0.0), ascending: $0.1, nullsFirst: $0.2) }
        let spec = WindowFunctionSpec(call: call, arguments: arguments, partitionBy: partitionBy.map(column), orderBy: keys,
                                      filter: filter)
        let source = FixedBatchesOperator(Self.batch, partitions: [[0..<3, 3..<7], [7..<12], [12..<16]])
        let schema = Schema(Self.schema.fields + [Field(name, resolved.returnType)])
        let op = WindowOperator(input: source, functions: [spec, spec], schema: Schema(schema.fields + [Field("again", resolved.returnType)]))
        let batches = try ExecutionContext(threads: 2, batchSize: 5).collect(op)
        var byID: [Int64: Value] = [:]
        for batch in batches {
            for row in 0..<batch.count {
                guard case .int(let id) = batch.columns[0].value(at: row) else { continue }
                byID[id] = batch.columns[5].value(at: row)
                XCTAssertEqual(batch.columns[5].value(at: row), batch.columns[6].value(at: row))
            }
        }
        return (0..<16).map { byID[Int64($0)] ?? .int(-999) }
    }

    func ints(_ values: [Int?]) -> [Value] { values.map { $0.map { .int(Int64($0)) } ?? .null } }
    func doubles(_ values: [Double?]) -> [Value] { values.map { $0.map(Value.double) ?? .null } }
    func strings(_ values: [String?]) -> [Value] { values.map { $0.map(Value.string) ?? .null } }

    func assertClose(_ actual: [Value], _ expected: [Value], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, file: file, line: line)
        for (a, e) in zip(actual, expected) {
            if case .double(let p) = a, case .double(let q) = e {
                XCTAssertEqual(p, q, accuracy: abs(q) * 1e-12, file: file, line: line)
            } else {
                XCTAssertEqual(a, e, file: file, line: line)
            }
        }
    }

    let byGroupThenO = [(WindowOperatorTests.o, true, false)]
    let byGroupThenOThenID = [(WindowOperatorTests.o, true, false), (WindowOperatorTests.id, true, false)]

    func testRankingFunctions() throws {
        XCTAssertEqual(try window("row_number", partitionBy: [Self.g], orderBy: byGroupThenOThenID),
                       ints([1, 2, 3, 4, 7, 5, 1, 2, 3, 4, 5, 1, 2, 1, 6, 6]))
        XCTAssertEqual(try window("rank", partitionBy: [Self.g], orderBy: byGroupThenO),
                       ints([1, 2, 2, 4, 7, 5, 1, 1, 3, 4, 5, 1, 1, 1, 5, 6]))
        XCTAssertEqual(try window("dense_rank", partitionBy: [Self.g], orderBy: byGroupThenO),
                       ints([1, 2, 2, 3, 5, 4, 1, 1, 2, 3, 4, 1, 1, 1, 4, 5]))
        assertClose(try window("percent_rank", partitionBy: [Self.g], orderBy: byGroupThenO),
                    doubles([0.0, 0.16666666666666666, 0.16666666666666666, 0.5, 1.0, 0.6666666666666666, 0.0, 0.0, 0.4, 0.6,
                             0.8, 0.0, 0.0, 0.0, 0.6666666666666666, 1.0]))
        assertClose(try window("cume_dist", partitionBy: [Self.g], orderBy: byGroupThenO),
                    doubles([0.14285714285714285, 0.42857142857142855, 0.42857142857142855, 0.5714285714285714, 1.0,
                             0.8571428571428571, 0.3333333333333333, 0.3333333333333333, 0.5, 0.6666666666666666,
                             0.8333333333333334, 1.0, 1.0, 1.0, 0.8571428571428571, 1.0]))
        XCTAssertEqual(try window("ntile", [Constant(value: .int(3), type: .int64)], partitionBy: [Self.g], orderBy: byGroupThenOThenID),
                       ints([1, 1, 1, 2, 3, 2, 1, 1, 2, 2, 3, 1, 2, 1, 3, 3]))
        XCTAssertEqual(try window("rank", orderBy: [(Self.o, false, true)]),
                       ints([14, 10, 10, 9, 1, 6, 14, 14, 8, 5, 4, 10, 10, 3, 6, 1]))
    }

    func testLagAndLead() throws {
        let x = column(Self.x)
        let two = Constant(value: .int(2), type: .int64), one = Constant(value: .int(1), type: .int64)
        XCTAssertEqual(try window("lag", [x], partitionBy: [Self.g], orderBy: byGroupThenOThenID),
                       ints([nil, 10, nil, 3, nil, 4, nil, 1, nil, nil, 8, nil, 2, nil, 6, 9]))
        XCTAssertEqual(try window("lag", [x, two, Constant(value: .int(-1), type: .int32)], partitionBy: [Self.g], orderBy: byGroupThenOThenID),
                       ints([-1, -1, 10, nil, 6, 3, -1, -1, 1, nil, nil, -1, -1, -1, 4, 8]))
        XCTAssertEqual(try window("lead", [x], partitionBy: [Self.g], orderBy: byGroupThenOThenID),
                       ints([nil, 3, 4, 6, nil, nil, nil, nil, 8, 9, 4, 7, nil, nil, 5, nil]))
        XCTAssertEqual(try window("lead", [x, two, Constant(value: .int(0), type: .int32)], partitionBy: [Self.g], orderBy: byGroupThenOThenID),
                       ints([3, 4, 6, nil, 0, 5, nil, 8, 9, 4, 0, 0, 0, 0, 0, 0]))
        XCTAssertEqual(try window("lag", [x, one], partitionBy: [Self.g], orderBy: byGroupThenOThenID, ignoreNulls: true),
                       ints([nil, 10, 10, 3, 6, 4, nil, 1, 1, 1, 8, nil, 2, nil, 6, 9]))
        XCTAssertEqual(try window("lead", [x, two], partitionBy: [Self.g], orderBy: byGroupThenOThenID, ignoreNulls: true),
                       ints([4, 4, 6, 5, nil, nil, 9, 9, 9, 4, nil, nil, nil, nil, nil, nil]))
        XCTAssertEqual(try window("lag", [column(Self.s)], orderBy: [(Self.id, true, false)]),
                       strings([nil, "a", "b", "c", nil, "e", "f", "g", "h", "i", "j", nil, "l", "m", "n", "o"]))
    }

    func testFrameValueFunctions() throws {
        let x = column(Self.x)
        let rows = { (start: WindowFrameSpec.Bound, end: WindowFrameSpec.Bound) in WindowFrameSpec(unit: .rows, start: start, end: end) }
        XCTAssertEqual(try window("first_value", [x], partitionBy: [Self.g], orderBy: byGroupThenOThenID),
                       ints([10, 10, 10, 10, 10, 10, 1, 1, 1, 1, 1, 2, 2, 11, 10, 1]))
        XCTAssertEqual(try window("last_value", [x], partitionBy: [Self.g], orderBy: byGroupThenO),
                       ints([10, 3, 3, 4, 5, nil, nil, nil, nil, 8, 9, 7, 7, 11, nil, 4]))
        XCTAssertEqual(try window("nth_value", [x, Constant(value: .int(2), type: .int64)], partitionBy: [Self.g], orderBy: byGroupThenOThenID),
                       ints([nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, 7, nil, nil, nil]))
        XCTAssertEqual(try window("first_value", [x], partitionBy: [Self.g], orderBy: byGroupThenOThenID,
                                  frame: rows(.preceding(.int(1)), .following(.int(1)))),
                       ints([10, 10, nil, 3, nil, 4, 1, 1, nil, nil, 8, 2, 2, 11, 6, 9]))
        XCTAssertEqual(try window("last_value", [x], partitionBy: [Self.g], orderBy: byGroupThenOThenID,
                                  frame: .entirePartition, ignoreNulls: true),
                       ints([5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 7, 7, 11, 5, 4]))
        XCTAssertEqual(try window("first_value", [x], partitionBy: [Self.g], orderBy: byGroupThenOThenID,
                                  frame: rows(.currentRow, .unboundedFollowing), ignoreNulls: true),
                       ints([10, 3, 3, 4, 5, 6, 1, 8, 8, 8, 9, 2, 7, 11, 5, 4]))
        XCTAssertEqual(try window("nth_value", [x, Constant(value: .int(2), type: .int64)], partitionBy: [Self.g], orderBy: byGroupThenOThenID,
                                  frame: rows(.unboundedPreceding, .currentRow), ignoreNulls: true),
                       ints([nil, nil, 3, 3, 3, 3, nil, nil, nil, 8, 8, nil, 7, nil, 3, 8]))
    }

    func testAggregatesOverRowsFrames() throws {
        let x = column(Self.x)
        let rows = { (start: WindowFrameSpec.Bound, end: WindowFrameSpec.Bound) in WindowFrameSpec(unit: .rows, start: start, end: end) }
        XCTAssertEqual(try window("count", [x], partitionBy: [Self.g], orderBy: byGroupThenOThenID,
                                  frame: rows(.preceding(.int(2)), .currentRow)),
                       ints([1, 1, 2, 2, 2, 3, 1, 1, 1, 1, 2, 1, 2, 1, 2, 3]))
        assertClose(try window("avg", [x], partitionBy: [Self.g], orderBy: byGroupThenOThenID,
                               frame: rows(.preceding(.int(1)), .following(.int(1)))),
                    doubles([10.0, 6.5, 3.5, 4.333333333333333, 5.0, 5.0, 1.0, 1.0, 8.0, 8.5, 7.0, 4.5, 4.5, 11.0, 5.5, 6.5]))
        XCTAssertEqual(try window("string_agg", [column(Self.s)], partitionBy: [Self.g], orderBy: byGroupThenOThenID,
                                  frame: rows(.unboundedPreceding, .currentRow)),
                       strings(["a", "a,b", "a,b,c", "a,b,c", "a,b,c,f,o,e", "a,b,c,f", "g", "g,h", "g,h,i", "g,h,i,j", "g,h,i,j",
                                "l", "l,m", "n", "a,b,c,f,o", "g,h,i,j,p"]))
        XCTAssertEqual(try window("count", [x], partitionBy: [Self.g], orderBy: byGroupThenOThenID,
                                  frame: rows(.unboundedPreceding, .currentRow), distinct: true),
                       ints([1, 1, 2, 3, 5, 4, 1, 1, 1, 2, 3, 1, 2, 1, 4, 4]))
        let x64 = DoubleColumn(column: Self.x)
        assertClose(try window("stddev_samp", [x64], orderBy: [(Self.id, true, false)], frame: rows(.preceding(.int(2)), .following(.int(2)))),
                    doubles([4.949747468305833, 3.7859388972001824, 3.1091263510296048, 1.2909944487358056, 1.9235384061671343,
                             2.160246899469287, 2.6457513110645907, 3.605551275463989, 4.358898943540674, 3.785938897200183,
                             3.109126351029605, 3.361547262794322, 3.8622100754188224, 3.9157800414902435, 3.511884584284246,
                             4.949747468305833]))
        XCTAssertEqual(try window("max", [x], orderBy: [(Self.id, true, false)], frame: rows(.following(.int(2)), .following(.int(4)))),
                       ints([5, 6, 6, 6, 1, 8, 9, 9, 9, 11, 11, 11, 4, 4, nil, nil]))
        XCTAssertEqual(try window("sum", [x], orderBy: [(Self.id, true, false)], frame: rows(.preceding(.int(3)), .preceding(.int(1)))),
                       ints([nil, 10, 10, 13, 7, 12, 15, 12, 7, 1, 8, 17, 19, 18, 20, 18]))
    }

    func testAggregatesOverRangeAndGroupsFrames() throws {
        let x = column(Self.x)
        XCTAssertEqual(try window("sum", [x], partitionBy: [Self.g], orderBy: byGroupThenO),
                       ints([10, 13, 13, 17, 28, 23, 1, 1, 1, 9, 18, 9, 9, 11, 23, 22]))
        XCTAssertEqual(try window("min", [x], partitionBy: [Self.g], orderBy: byGroupThenO,
                                  frame: WindowFrameSpec(unit: .groups, start: .preceding(.int(1)), end: .following(.int(1)))),
                       ints([3, 3, 3, 3, 5, 4, 1, 1, 1, 8, 4, 2, 2, 11, 4, 4]))
        XCTAssertEqual(try window("max", [x], partitionBy: [Self.g], orderBy: byGroupThenO,
                                  frame: WindowFrameSpec(unit: .groups, start: .currentRow, end: .following(.int(2)))),
                       ints([10, 6, 6, 6, 5, 6, 8, 8, 9, 9, 9, 7, 7, 11, 6, 4]))
        XCTAssertEqual(try window("sum", [x], partitionBy: [Self.g], orderBy: byGroupThenO,
                                  frame: WindowFrameSpec(unit: .range, start: .preceding(.int(2)), end: .following(.int(1)))),
                       ints([13, 17, 17, 17, 5, 10, 1, 1, nil, 17, 17, 9, 9, 11, 10, 4]))
        XCTAssertEqual(try window("sum", [x], partitionBy: [Self.g], orderBy: [(Self.o, false, false)],
                                  frame: WindowFrameSpec(unit: .range, start: .preceding(.int(1)), end: .currentRow)),
                       ints([13, 7, 7, 4, 5, 6, 1, 1, nil, 17, 9, 9, 9, 11, 6, 4]))
        XCTAssertEqual(try window("count_star", partitionBy: [Self.g]), ints([7, 7, 7, 7, 7, 7, 6, 6, 6, 6, 6, 2, 2, 1, 7, 6]))
        XCTAssertEqual(try window("count_star", partitionBy: [Self.g], orderBy: byGroupThenO,
                                  frame: WindowFrameSpec(unit: .range, start: .preceding(.int(1)), end: .following(.int(1)))),
                       ints([3, 4, 4, 3, 1, 2, 2, 2, 1, 2, 2, 2, 2, 1, 2, 1]))
        XCTAssertEqual(try window("sum", [x], partitionBy: [Self.g], orderBy: byGroupThenOThenID, filter: GreaterThan(column: Self.x, bound: 3)),
                       ints([10, 10, 10, 14, 25, 20, nil, nil, nil, 8, 17, nil, 7, 11, 20, 21]))
        XCTAssertEqual(try window("sum", [x]), ints(Array(repeating: 70, count: 16)))
        XCTAssertEqual(try window("sum", [x], partitionBy: [Self.g], orderBy: byGroupThenOThenID,
                                  frame: WindowFrameSpec(unit: .rows, start: .unboundedPreceding, end: .preceding(.int(1)))),
                       ints([nil, 10, 10, 13, 23, 17, nil, 1, 1, 1, 9, nil, 2, nil, 23, 18]))
        XCTAssertEqual(try window("max", [x], partitionBy: [Self.g], orderBy: byGroupThenO,
                                  frame: WindowFrameSpec(unit: .range, start: .unboundedPreceding, end: .following(.int(1)))),
                       ints([10, 10, 10, 10, 10, 10, 1, 1, 1, 9, 9, 7, 7, 11, 10, 9]))
    }

    func testRunningSumOverManyRowsIsFast() throws {
        let n = 200_000
        let schema = Schema([Field("k", .int64)])
        let batch = try RecordBatch(schema: schema, columns: [PrimitiveArray<Int64>(.int64, storage: (0..<Int64(n)).map { $0 % 1000 })])
        let call = WindowCall(name: "sum", arguments: [.column(ColumnID(0), .int64)], partitionBy: [], orderBy: [],
                              frame: WindowFrameSpec(unit: .rows, start: .unboundedPreceding, end: .currentRow), type: .int64)
        let key = ColumnExpression(index: 0, type: .int64)
        let spec = WindowFunctionSpec(call: call, arguments: [key], partitionBy: [], orderBy: [PhysicalSortKey(expression: key)])
        let op = WindowOperator(input: FixedBatchesOperator(batch, partitions: [[0..<n]]), functions: [spec],
                                schema: Schema([Field("k", .int64), Field("sum", .int64)]))
        let out = try ExecutionContext(threads: 2).collect(op)
        let last = out.last.map { $0.columns[1].value(at: $0.count - 1) }
        XCTAssertEqual(last, .int(Int64((0..<1000).reduce(0, +) * (n / 1000))))
    }
}

/// An INT column as DOUBLE.
private struct DoubleColumn: PhysicalExpression {
    let column: Int
    var type: DataType { .float64 }
    func evaluate(_ batch: RecordBatch) throws -> any ColumnArray {
        let values = batch.columns[column] as! PrimitiveArray<Int32>
        return PrimitiveArray<Double>(.float64, (0..<values.count).map { values.isNull($0) ? nil : Double(values.storage[$0]) })
    }
    var description: String { "CAST(#\(column) AS DOUBLE)" }
}

final class WindowEdgeCaseTests: XCTestCase {
    func testEmptyInputGivesNoRows() throws {
        let schema = Schema([Field("k", .int64)])
        let key = ColumnExpression(index: 0, type: .int64)
        let functions = ["row_number", "sum", "lag"].map { name -> WindowFunctionSpec in
            let arguments: [any PhysicalExpression] = name == "row_number" ? [] : [key]
            let call = WindowCall(name: name, arguments: arguments.map { _ in .column(ColumnID(0), .int64) }, partitionBy: [], orderBy: [],
                                  frame: WindowFrameSpec(unit: .rows, start: .preceding(.int(1)), end: .currentRow), type: .int64)
            return WindowFunctionSpec(call: call, arguments: arguments, partitionBy: [key], orderBy: [PhysicalSortKey(expression: key)])
        }
        let op = WindowOperator(input: FixedBatchesOperator(schema: schema, partitions: [[], []]), functions: functions,
                                schema: Schema([Field("k", .int64), Field("a", .int64), Field("b", .int64), Field("c", .int64)]))
        XCTAssertEqual(try ExecutionContext(threads: 2).collect(op).reduce(0) { $0 + $1.count }, 0)
    }

    func testNegativeFrameOffsetIsAnError() throws {
        let schema = Schema([Field("k", .int64)])
        let batch = try RecordBatch(schema: schema, columns: [PrimitiveArray<Int64>(.int64, storage: [1, 2, 3])])
        let key = ColumnExpression(index: 0, type: .int64)
        let call = WindowCall(name: "sum", arguments: [.column(ColumnID(0), .int64)], partitionBy: [], orderBy: [],
                              frame: WindowFrameSpec(unit: .rows, start: .preceding(.int(-1)), end: .currentRow), type: .int64)
        let spec = WindowFunctionSpec(call: call, arguments: [key], partitionBy: [], orderBy: [PhysicalSortKey(expression: key)])
        let op = WindowOperator(input: FixedBatchesOperator(batch, partitions: [[0..<3]]), functions: [spec],
                                schema: Schema([Field("k", .int64), Field("s", .int64)]))
        XCTAssertThrowsError(try ExecutionContext(threads: 1).collect(op)) { error in
            XCTAssertEqual((error as? ExecutionError)?.kind, .invalidInput)
        }
    }
}
