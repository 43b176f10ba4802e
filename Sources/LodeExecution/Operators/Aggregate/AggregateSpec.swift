import LodePlan

/// One aggregate of a ``HashAggregateOperator``: the call and its compiled inputs.
public struct AggregateSpec: Sendable {
    /// Name, `DISTINCT`, `ORDER BY` and result type.
    public var call: AggregateCall
    /// The call's arguments then its `ORDER BY` keys.
    public var arguments: [any PhysicalExpression]
    /// Only rows where this is true reach the aggregate (`FILTER (WHERE …)`).
    public var filter: (any PhysicalExpression)?

    public init(call: AggregateCall, arguments: [any PhysicalExpression], filter: (any PhysicalExpression)?) {
        self.call = call
        self.arguments = arguments
        self.filter = filter
    }
}
