import Foundation
import LodeCore
import LodePlan
import XCTest
@testable import LodeExecution

/// Rough speeds of the hot paths; runs only with `LODE_PERF=1` (meant for release builds).
final class AccumulatorThroughputTests: XCTestCase {
    override func setUpWithError() throws {
        try XCTSkipUnless(ProcessInfo.processInfo.environment["LODE_PERF"] == "1", "set LODE_PERF=1 to measure")
    }

    func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start)
    }

    func testQ1ShapedAggregation() throws {
        let n = 6_000_000, batch = 8192
        let groups = (0..<n).map { Int32($0 % 4) }
        let decimals = PrimitiveArray<Int128>(.decimal(precision: 15, scale: 2), storage: (0..<n).map { Int128($0 % 10_000) })
        let doubles = PrimitiveArray<Double>(.float64, storage: (0..<n).map { Double($0 % 1000) / 7 })
        let dates = PrimitiveArray<Int32>(.date, storage: (0..<n).map { Int32($0 % 2500) })
        let calls: [(String, any ColumnArray, DataType)] = [
            ("sum", decimals, .decimal(precision: 38, scale: 2)), ("avg", decimals, .float64), ("sum", doubles, .float64),
            ("avg", doubles, .float64), ("count", decimals, .int64), ("max", dates, .date), ("min", decimals, decimals.dataType),
        ]
        for (name, column, type) in calls {
            let accumulator = try makeAccumulator(AggregateCall(name: name, arguments: [.column(ColumnID(0), column.dataType)], type: type))
            try accumulator.resize(groups: 4)
            let slices = stride(from: 0, to: n, by: batch).map { ($0..<min(n, $0 + batch)) }
            let pieces = slices.map { (Array(groups[$0]), column.slice($0)) }
            let time = try seconds {
                for (g, c) in pieces { try accumulator.update(groups: g, arguments: [c]) }
                _ = try accumulator.finish()
            }
            print("\(name)(\(column.dataType)): \(String(format: "%.1f", Double(n) / time / 1e6)) M rows/s")
        }
    }

    func testSortAndWindowSpeed() throws {
        let n = 2_000_000
        var generator = SystemRandomNumberGenerator()
        let keys = PrimitiveArray<Int64>(.int64, storage: (0..<n).map { _ in Int64.random(in: 0..<1_000_000, using: &generator) })
        let doubles = PrimitiveArray<Double>(.float64, storage: keys.storage.map { Double($0 % 1000) })
        let schema = Schema([Field("k", .int64), Field("d", .float64)])
        let batch = try RecordBatch(schema: schema, columns: [keys, doubles])
        let pieces = stride(from: 0, to: n, by: 65536).map { $0..<min(n, $0 + 65536) }
        let source = FixedBatchesOperator(batch, partitions: [Array(pieces.prefix(pieces.count / 2)), Array(pieces.dropFirst(pieces.count / 2))])
        let k = ColumnExpression(index: 0, type: .int64), d = ColumnExpression(index: 1, type: .float64)
        let context = ExecutionContext(threads: 2)
        for keys in [[PhysicalSortKey(expression: k)], [PhysicalSortKey(expression: d, ascending: false), PhysicalSortKey(expression: k)]] {
            let sort = SortOperator(input: source, keys: keys, limit: nil, schema: schema)
            print("sort \(keys): \(String(format: "%.2f", try seconds { _ = try context.collect(sort) })) s for \(n) rows")
        }
        let call = WindowCall(name: "sum", arguments: [.column(ColumnID(1), .float64)], partitionBy: [], orderBy: [],
                              frame: .runningRange, type: .float64)
        let spec = WindowFunctionSpec(call: call, arguments: [d], partitionBy: [], orderBy: [PhysicalSortKey(expression: k)])
        let window = WindowOperator(input: source, functions: [spec], schema: Schema(schema.fields + [Field("s", .float64)]))
        print("running sum window: \(String(format: "%.2f", try seconds { _ = try context.collect(window) })) s for \(n) rows")
    }
}
