import Foundation
import XCTest
import LodeCore
import LodePlan
import LodeExecution

/// Throughput of the TPC-H expression shapes on one million rows. Runs only with
/// `LODE_EXPRESSION_BENCHMARK=1` (meaningful in release builds).
final class ExpressionBenchmarkTests: XCTestCase {
    func testTPCHShapes() throws {
        guard ProcessInfo.processInfo.environment["LODE_EXPRESSION_BENCHMARK"] == "1" else { throw XCTSkip("benchmark disabled") }
        let n = 1_000_000
        let money = DataType.decimal(precision: 15, scale: 2)
        let columns = [
            PlanColumn(id: ColumnID(0), name: "l_shipdate", type: .date),
            PlanColumn(id: ColumnID(1), name: "l_extendedprice", type: money),
            PlanColumn(id: ColumnID(2), name: "l_discount", type: money),
            PlanColumn(id: ColumnID(3), name: "p_type", type: .string),
        ]
        let types = ["STANDARD POLISHED BRASS", "SMALL PLATED COPPER", "PROMO BURNISHED TIN", "LARGE BRUSHED STEEL"]
        let batch = try RecordBatch(schema: Schema(columns.map(\.field)), columns: [
            PrimitiveArray<Int32>(.date, storage: (0..<n).map { Int32(8000 + $0 % 2500) }),
            PrimitiveArray<Int128>(money, storage: (0..<n).map { Int128(100_000 + $0 % 9_000_000) }),
            PrimitiveArray<Int128>(money, storage: (0..<n).map { Int128($0 % 11) }),
            BinaryArray(strings: (0..<n).map { types[$0 % 4] }),
        ])
        func column(_ k: Int) -> BoundExpression { .column(columns[k].id, columns[k].type) }
        let shapes: [(String, BoundExpression)] = [
            ("l_shipdate <= date '1998-09-02'", try Build.call("<=", column(0), Build.date("1998-09-02"))),
            ("l_extendedprice * (1 - l_discount)", try Build.call("*", column(1), try Build.call("-", Build.int(1), column(2)))),
            ("l_discount between 0.05 and 0.07", try Build.call("and", try Build.call(">=", column(2), Build.decimal("0.05", 3, 2)),
                                                                 try Build.call("<=", column(2), Build.decimal("0.07", 3, 2)))),
            ("p_type like '%BRASS'", try Build.call("like", column(3), Build.text("%BRASS"))),
            ("extract(year from l_shipdate)", try Build.call("date_part", Build.text("year"), column(0))),
        ]
        for (name, expression) in shapes {
            let compiled = try ExpressionCompiler.compile(expression, layout: ColumnLayout(columns))
            let start = Date()
            for _ in 0..<5 { _ = try compiled.evaluate(batch) }
            print("\(name): \(String(format: "%.2f", Date().timeIntervalSince(start) / 5 * 1000)) ms per 1M rows")
        }
    }
}
