import LodePlan

/// One window function of a ``WindowOperator``: the call (name, frame, `IGNORE NULLS`,
/// `DISTINCT`, result type) with its expressions compiled over the input batch.
public struct WindowFunctionSpec: Sendable {
    public var call: WindowCall
    public var arguments: [any PhysicalExpression]
    public var partitionBy: [any PhysicalExpression]
    public var orderBy: [PhysicalSortKey]
    /// `FILTER (WHERE ...)` of an aggregate: rows where it is not true are left out of frames.
    public var filter: (any PhysicalExpression)?

    public init(call: WindowCall, arguments: [any PhysicalExpression], partitionBy: [any PhysicalExpression],
                orderBy: [PhysicalSortKey], filter: (any PhysicalExpression)? = nil) {
        self.call = call
        self.arguments = arguments
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.filter = filter
    }
}

extension WindowFunctionSpec: CustomStringConvertible {
    public var description: String {
        var over: [String] = []
        if !partitionBy.isEmpty { over.append("PARTITION BY " + partitionBy.map(\.description).joined(separator: ", ")) }
        if !orderBy.isEmpty { over.append("ORDER BY " + orderBy.map(\.description).joined(separator: ", ")) }
        return "\(call.name)(\(arguments.map(\.description).joined(separator: ", "))) OVER (\(over.joined(separator: " ")))"
    }
}
