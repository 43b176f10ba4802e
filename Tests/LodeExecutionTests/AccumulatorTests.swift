import LodeCore
import LodePlan
import XCTest
@testable import LodeExecution

/// Aggregates checked against DuckDB 2.0.1 on the table
/// `(r, g, x, s, d, f)` below, grouped by `g`; group 3 has no rows.
final class AccumulatorTests: XCTestCase {
    let groups: [Int32] = [0, 0, 1, 1, 1, 2, 0, 2, 1, 0]
    let r = PrimitiveArray<Int32>(.int32, storage: Array(0..<10))
    let x = PrimitiveArray<Int32>(.int32, [1, nil, 3, 3, 5, nil, 7, nil, -2, 1])
    let s = BinaryArray(strings: ["b", nil, "a", "c", "a", nil, "zz", "q", "", "b"])
    let d = PrimitiveArray<Int128>(.decimal(precision: 10, scale: 2), [150, nil, 225, -100, nil, nil, 1010, nil, 1, 333])
    let f = PrimitiveArray<Double>(.float64, [1.5, nil, .nan, -3, 2, nil, 0.25, nil, 1e10, -0.5])
    var xd: PrimitiveArray<Double> { PrimitiveArray(.float64, x.values.map { v in if case .int(let i) = v { return Double(i) } else { return nil } }) }
    var above2: BooleanArray { BooleanArray(x.values.map { v in if case .int(let i) = v { return i > 2 } else { return nil } }) }

    /// Runs `name` over `columns` twice — in one accumulator fed in two batches, and in two
    /// accumulators merged — and checks both give the same four group values.
    func aggregate(_ name: String, _ columns: [any ColumnArray], distinct: Bool = false,
                   orderBy: [(any ColumnArray, Bool)] = [], file: StaticString = #filePath, line: UInt = #line) throws -> [Value] {
        let resolved = try FunctionRegistry.resolveAggregate(name, arguments: columns.map(\.dataType))
        XCTAssertEqual(resolved.argumentTypes, columns.map(\.dataType), file: file, line: line)
        let arguments = columns.enumerated().map { BoundExpression.column(ColumnID($0.offset), $0.element.dataType) }
        let keys = orderBy.enumerated().map { SortKey(.column(ColumnID(100 + $0.offset), $0.element.0.dataType), ascending: $0.element.1) }
        let call = AggregateCall(name: resolved.name, arguments: arguments, isDistinct: distinct, orderBy: keys, type: resolved.returnType)
        let all = columns + orderBy.map(\.0)

        let single = try makeAccumulator(call)
        try single.resize(groups: 4)
        try single.update(groups: Array(groups[0..<3]), arguments: all.map { $0.slice(0..<3) })
        try single.update(groups: Array(groups[3...]), arguments: all.map { $0.slice(3..<10) })
        let singleResult = try single.finish()
        XCTAssertEqual(singleResult.dataType, resolved.returnType, file: file, line: line)

        let first = try makeAccumulator(call), second = try makeAccumulator(call)
        try first.resize(groups: 4)
        try second.resize(groups: 3)
        try first.update(groups: Array(groups[0..<5]), arguments: all.map { $0.slice(0..<5) })
        try second.update(groups: Array(groups[5...]).map { 2 - $0 }, arguments: all.map { $0.slice(5..<10) })
        try first.merge(second, targets: [2, 1, 0])
        let merged = try first.finish().values
        assertClose(merged, singleResult.values, file: file, line: line)
        return singleResult.values
    }

    func assertClose(_ actual: [Value], _ expected: [Value], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, file: file, line: line)
        for (a, e) in zip(actual, expected) {
            if case .double(let p) = a, case .double(let q) = e {
                if p.isNaN || q.isNaN { XCTAssertTrue(p.isNaN && q.isNaN, "\(p) vs \(q)", file: file, line: line); continue }
                XCTAssertEqual(p, q, accuracy: abs(q) * 1e-12, file: file, line: line)
            } else {
                XCTAssertEqual(a, e, file: file, line: line)
            }
        }
    }

    func decimal(_ unscaled: Int128, _ p: Int, _ s: Int) -> Value { .decimal(Decimal128(unscaled, precision: p, scale: s)) }

    func testCounts() throws {
        XCTAssertEqual(try aggregate("count_star", []), [.int(4), .int(4), .int(2), .int(0)])
        XCTAssertEqual(try aggregate("count", [x]), [.int(3), .int(4), .int(0), .int(0)])
        XCTAssertEqual(try aggregate("count", [x], distinct: true), [.int(2), .int(3), .int(0), .int(0)])
        XCTAssertEqual(try aggregate("approx_count_distinct", [x]), [.int(2), .int(3), .int(0), .int(0)])
    }

    func testSumAndAverageOfIntegers() throws {
        XCTAssertEqual(try aggregate("sum", [x]), [.int(9), .int(9), .null, .null])
        XCTAssertEqual(try aggregate("sum", [x], distinct: true), [.int(8), .int(6), .null, .null])
        assertClose(try aggregate("avg", [x]), [.double(3.0), .double(2.25), .null, .null])
    }

    func testMinAndMax() throws {
        XCTAssertEqual(try aggregate("min", [x]), [.int(1), .int(-2), .null, .null])
        XCTAssertEqual(try aggregate("max", [x]), [.int(7), .int(5), .null, .null])
        XCTAssertEqual(try aggregate("min", [s]), [.string("b"), .string(""), .string("q"), .null])
        XCTAssertEqual(try aggregate("max", [s]), [.string("zz"), .string("c"), .string("q"), .null])
        XCTAssertEqual(try aggregate("min", [d]), [decimal(150, 10, 2), decimal(-100, 10, 2), .null, .null])
        XCTAssertEqual(try aggregate("max", [d]), [decimal(1010, 10, 2), decimal(225, 10, 2), .null, .null])
        assertClose(try aggregate("min", [f]), [.double(-0.5), .double(-3.0), .null, .null])
        assertClose(try aggregate("max", [f]), [.double(1.5), .double(.nan), .null, .null])
        XCTAssertEqual(try aggregate("min", [above2]), [.boolean(false), .boolean(false), .null, .null])
        XCTAssertEqual(try aggregate("max", [above2]), [.boolean(true), .boolean(true), .null, .null])
        let dates = PrimitiveArray<Int32>(.date, [1, nil, 3, 3, 5, nil, 7, nil, -2, 1])
        XCTAssertEqual(try aggregate("max", [dates]), [.date(7), .date(5), .null, .null])
    }

    func testDecimalsAndDoubles() throws {
        XCTAssertEqual(try aggregate("sum", [d]), [decimal(1493, 38, 2), decimal(126, 38, 2), .null, .null])
        assertClose(try aggregate("avg", [d]), [.double(4.976666666666667), .double(0.42), .null, .null])
        assertClose(try aggregate("sum", [f]), [.double(1.25), .double(.nan), .null, .null])
        assertClose(try aggregate("avg", [f]), [.double(0.4166666666666667), .double(.nan), .null, .null])
    }

    func testVarianceAndDeviation() throws {
        assertClose(try aggregate("stddev_samp", [xd]), [.double(3.4641016151377544), .double(2.9860788111948193), .null, .null])
        assertClose(try aggregate("stddev", [xd]), [.double(3.4641016151377544), .double(2.9860788111948193), .null, .null])
        assertClose(try aggregate("stddev_pop", [xd]), [.double(2.8284271247461903), .double(2.5860201081971503), .null, .null])
        assertClose(try aggregate("var_samp", [xd]), [.double(12.0), .double(8.916666666666666), .null, .null])
        assertClose(try aggregate("variance", [xd]), [.double(12.0), .double(8.916666666666666), .null, .null])
        assertClose(try aggregate("var_pop", [xd]), [.double(8.0), .double(6.6875), .null, .null])
    }

    func testBooleans() throws {
        XCTAssertEqual(try aggregate("bool_and", [above2]), [.boolean(false), .boolean(false), .null, .null])
        XCTAssertEqual(try aggregate("bool_or", [above2]), [.boolean(true), .boolean(true), .null, .null])
    }

    func testOrderedAndDistinctStringAgg() throws {
        let xs = BinaryArray(strings: x.values.map { $0.isNull ? nil : $0.description })
        let bars = BinaryArray(strings: Array(repeating: "|", count: 10))
        let commas = BinaryArray(strings: Array(repeating: ",", count: 10))
        let semicolons = BinaryArray(strings: Array(repeating: ";", count: 10))
        XCTAssertEqual(try aggregate("string_agg", [xs, bars], orderBy: [(r, true)]),
                       [.string("1|7|1"), .string("3|3|5|-2"), .null, .null])
        XCTAssertEqual(try aggregate("string_agg", [s, commas], orderBy: [(s, false)]),
                       [.string("zz,b,b"), .string("c,a,a,"), .string("q"), .null])
        XCTAssertEqual(try aggregate("string_agg", [s, semicolons], distinct: true, orderBy: [(s, true)]),
                       [.string("b;zz"), .string(";a;c"), .string("q"), .null])
        XCTAssertEqual(try aggregate("group_concat", [s], orderBy: [(r, true)]),
                       [.string("b,zz,b"), .string("a,c,a,"), .string("q"), .null])
    }

    func testFirstAndAnyValue() throws {
        XCTAssertEqual(try aggregate("first", [x], orderBy: [(r, true)]), [.int(1), .int(3), .null, .null])
        XCTAssertEqual(try aggregate("any_value", [x], orderBy: [(r, true)]), [.int(1), .int(3), .null, .null])
        XCTAssertEqual(try aggregate("arbitrary", [x], orderBy: [(r, false)]), [.int(1), .int(-2), .null, .null])
        XCTAssertEqual(try aggregate("first", [s], orderBy: [(r, false)]), [.string("b"), .string(""), .string("q"), .null])
    }

    func testIntegerSumOverflowIsAnOutOfRangeError() throws {
        let call = AggregateCall(name: "sum", arguments: [.column(ColumnID(0), .int64)], type: .int64)
        let accumulator = try makeAccumulator(call)
        try accumulator.resize(groups: 1)
        let big = PrimitiveArray<Int64>(.int64, storage: [Int64.max, 1])
        XCTAssertThrowsError(try accumulator.update(groups: [0, 0], arguments: [big])) { error in
            XCTAssertEqual((error as? ExecutionError)?.kind, .outOfRange)
        }
    }

    func testApproxCountDistinctIsWithinTwoPercent() throws {
        let call = AggregateCall(name: "approx_count_distinct", arguments: [.column(ColumnID(0), .int64)], type: .int64)
        for n in [1_000, 30_000, 60_000, 300_000] {
            let accumulator = try makeAccumulator(call)
            try accumulator.resize(groups: 1)
            let values = PrimitiveArray<Int64>(.int64, storage: (0..<Int64(n)).map { $0 * 7 + 3 })
            try accumulator.update(groups: [Int32](repeating: 0, count: n), arguments: [values])
            guard case .int(let estimate) = try accumulator.finish().value(at: 0) else { return XCTFail("no estimate") }
            XCTAssertLessThan(abs(Double(estimate) - Double(n)) / Double(n), 0.02, "n = \(n), estimate = \(estimate)")
        }
    }

    func testStringsEstimateDistinctValues() throws {
        let n = 50_000
        let strings = BinaryArray(strings: (0..<n).map { "value-\($0 % 20_000)" })
        let call = AggregateCall(name: "approx_count_distinct", arguments: [.column(ColumnID(0), .string)], type: .int64)
        let accumulator = try makeAccumulator(call)
        try accumulator.resize(groups: 1)
        try accumulator.update(groups: [Int32](repeating: 0, count: n), arguments: [strings])
        guard case .int(let estimate) = try accumulator.finish().value(at: 0) else { return XCTFail("no estimate") }
        XCTAssertLessThan(abs(Double(estimate) - 20_000) / 20_000, 0.02, "estimate = \(estimate)")
    }
}
