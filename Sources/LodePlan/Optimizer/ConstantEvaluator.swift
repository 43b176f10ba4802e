import LodeCore

/// Evaluates an expression without column references to a value; the optimizer uses it
/// to fold constants. LodeExecution supplies the implementation.
public protocol ConstantEvaluator: Sendable {
    /// The value of `expression`, which references no columns and no subqueries.
    /// Throws what evaluation would throw at run time (division by zero, a bad cast).
    func evaluate(_ expression: BoundExpression) throws -> Value
}
