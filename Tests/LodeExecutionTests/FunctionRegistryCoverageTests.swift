import XCTest
import LodeCore
import LodePlan
@testable import LodeExecution

/// Every scalar name the registry lists resolves and compiles to a kernel, and evaluates
/// over NULL columns without error, so registry and kernels cannot drift apart.
final class FunctionRegistryCoverageTests: XCTestCase {
    static let samples: [String: [DataType]] = {
        let s = DataType.string, d = DataType.decimal(precision: 10, scale: 2), ts = DataType.timestampNTZ
        var table: [String: [DataType]] = [
            "and": [.boolean, .boolean], "or": [.boolean, .boolean], "not": [.boolean], "is_null": [.int32], "is_not_null": [s],
            "in": [.int32, .int32, .int32], "like": [s, s], "ilike": [s, s, s], "add_interval": [ts, .int32, .int32, .int64],
            "negate": [d], "abs": [.int32], "ceil": [d], "floor": [.float64], "trunc": [.int64], "round": [d, .int32], "sign": [.float64],
            "sqrt": [.float64], "exp": [.float64], "ln": [.float64], "log10": [.float64], "log2": [.float64], "power": [.float64, .float64],
            "coalesce": [.int32, .int64], "greatest": [s, s], "least": [.date, .date], "nullif": [.int32, .int32],
            "lower": [s], "upper": [s], "reverse": [s], "md5": [s], "sha256": [s], "trim": [s], "ltrim": [s, s], "rtrim": [s],
            "substring": [s, .int64, .int64], "replace": [s, s, s], "regexp_replace": [s, s, s, s], "regexp_matches": [s, s],
            "regexp_full_match": [s, s], "regexp_extract": [s, s, .int32], "split_part": [s, s, .int64], "concat": [s, s],
            "concat_ws": [s, s, s], "length": [s], "strlen": [s], "lpad": [s, .int32, s], "rpad": [s, .int32, s],
            "starts_with": [s, s], "ends_with": [s, s], "contains": [s, s], "position": [s, s], "left": [s, .int64], "right": [s, .int64],
            "repeat": [s, .int64], "hash": [.int32, s], "date_part": [s, .date], "date_trunc": [s, ts], "date_diff": [s, .date, .date],
            "make_date": [.int64, .int64, .int64], "strftime": [ts, s], "strptime": [s, s], "current_date": [], "now": [],
            "to_timestamp": [.float64], "epoch_ms": [.int64], "epoch": [ts], "mod": [.int32, .int32],
            "||": [s, s], "ascii": [s], "chr": [.int32], "log": [.float64], "atan2": [.float64, .float64], "pi": [],
            "isnan": [.float64], "isinf": [.float64], "isfinite": [.float64], "try_strptime": [s, s], "last_day": [.date],
            "dayname": [ts], "monthname": [.date],
        ]
        for op in ["=", "<>", "<", "<=", ">", ">=", "is_distinct_from", "is_not_distinct_from"] { table[op] = [s, s] }
        for op in ["+", "-", "*", "%"] { table[op] = [d, .int32] }
        table["/"] = [.int32, .int32]
        table["//"] = [.int64, .int64]
        for name in ["cbrt", "sin", "cos", "tan", "asin", "acos", "atan", "degrees", "radians"] { table[name] = [.float64] }
        for part in ["year", "quarter", "month", "week", "day", "dayofweek", "dayofyear", "hour", "minute", "second"] { table[part] = [ts] }
        return table
    }()

    func testEveryScalarNameCompilesAndRunsOnNulls() throws {
        for name in FunctionRegistry.names(of: .scalar) {
            guard let types = Self.samples[name] else {
                XCTFail("no sample arguments for \(name)")
                continue
            }
            let resolved = try FunctionRegistry.resolveScalar(name, arguments: types)
            let columns = resolved.argumentTypes.enumerated().map { PlanColumn(id: ColumnID($0.offset), name: "c\($0.offset)", type: $0.element) }
            let expression = BoundExpression.call(resolved.name, columns.map { .column($0.id, $0.type) }, resolved.returnType)
            let compiled = try ExpressionCompiler.compile(expression, layout: ColumnLayout(columns))
            XCTAssertEqual(compiled.type, resolved.returnType, name)
            let fields = columns.map(\.field) + [Field("pad", .boolean)]
            let arrays = try columns.map { try makeArray($0.type, [.null, .null]) } + [BooleanArray([nil, nil])]
            let batch = try RecordBatch(schema: Schema(fields), columns: arrays)
            let result = try compiled.evaluate(batch)
            XCTAssertEqual(result.count, 2, name)
            XCTAssertEqual(result.dataType, resolved.returnType, name)
        }
    }
}
