/// A call such as `sum(distinct x) FILTER (WHERE y) OVER (PARTITION BY z)`.
public struct FunctionCall: Hashable, Sendable {
    public var name: QualifiedName
    public var arguments: [FunctionArgument]
    /// `f(DISTINCT ...)`.
    public var isDistinct: Bool
    /// `string_agg(x, ',' ORDER BY y)`.
    public var orderBy: [OrderItem]
    /// `FILTER (WHERE ...)`.
    public var filter: Expression?
    /// `OVER (...)` or `OVER name`; present for window functions.
    public var window: WindowSpecification?

    public init(
        name: QualifiedName, arguments: [FunctionArgument], isDistinct: Bool = false,
        orderBy: [OrderItem] = [], filter: Expression? = nil, window: WindowSpecification? = nil
    ) {
        self.name = name
        self.arguments = arguments
        self.isDistinct = isDistinct
        self.orderBy = orderBy
        self.filter = filter
        self.window = window
    }
}

/// A positional argument, or a named one written `name => value`.
public struct FunctionArgument: Hashable, Sendable {
    public var name: Identifier?
    public var value: Expression

    public init(name: Identifier? = nil, value: Expression) {
        self.name = name
        self.value = value
    }
}

/// The window of a window function: `OVER (w PARTITION BY ... ORDER BY ... ROWS ...)`.
public struct WindowSpecification: Hashable, Sendable {
    /// A named window this one refines (`OVER (w ORDER BY x)`) or is (`OVER w`).
    public var baseName: Identifier?
    public var partitionBy: [Expression]
    public var orderBy: [OrderItem]
    public var frame: WindowFrame?

    public init(baseName: Identifier? = nil, partitionBy: [Expression] = [], orderBy: [OrderItem] = [], frame: WindowFrame? = nil) {
        self.baseName = baseName
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.frame = frame
    }
}

/// `ROWS|RANGE|GROUPS BETWEEN start AND end`, or just `ROWS start`.
public struct WindowFrame: Hashable, Sendable {
    public enum Unit: String, Hashable, Sendable {
        case rows = "ROWS"
        case range = "RANGE"
        case groups = "GROUPS"
    }

    /// One end of a frame.
    public enum Bound: Hashable, Sendable {
        case unboundedPreceding
        case preceding(Expression)
        case currentRow
        case following(Expression)
        case unboundedFollowing
    }

    public var unit: Unit
    public var start: Bound
    /// `nil` when written without `BETWEEN` (the end is then the current row).
    public var end: Bound?

    public init(unit: Unit, start: Bound, end: Bound?) {
        self.unit = unit
        self.start = start
        self.end = end
    }
}
