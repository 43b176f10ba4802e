import LodeCore
import LodePlan

/// Evaluates column-free expressions on a one-row batch, for constant folding.
public struct ExecutionConstantEvaluator: ConstantEvaluator {
    public init() {}

    public func evaluate(_ expression: BoundExpression) throws -> Value {
        let compiled = try ExpressionCompiler.compile(expression, layout: ColumnLayout([]))
        let result = try compiled.evaluate(Self.oneRow)
        guard result.count == 1 else { throw ExecutionError(.internal, "constant evaluated to \(result.count) rows") }
        return result.value(at: 0)
    }

    /// A batch of one row and one placeholder column, for expressions that read no column.
    static let oneRow: RecordBatch = {
        // One field and one one-row column of its type: cannot throw.
        try! RecordBatch(schema: Schema([Field("row", .boolean)]), columns: [BooleanArray([nil])])
    }()
}
