import LodePlan

/// One `ORDER BY` key of a physical operator: an expression over the input batch and its
/// direction; NULLs go first or last whatever the direction.
public struct PhysicalSortKey: Sendable {
    public var expression: any PhysicalExpression
    public var ascending: Bool
    public var nullsFirst: Bool

    public init(expression: any PhysicalExpression, ascending: Bool = true, nullsFirst: Bool = false) {
        self.expression = expression
        self.ascending = ascending
        self.nullsFirst = nullsFirst
    }
}

extension PhysicalSortKey: CustomStringConvertible {
    public var description: String {
        "\(expression)\(ascending ? "" : " DESC")\(nullsFirst ? " NULLS FIRST" : "")"
    }
}
