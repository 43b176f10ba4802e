import LodeCore

/// One window function call with its partitioning, ordering and frame resolved.
public struct WindowCall: Hashable, Sendable {
    /// Lower-case name: a ranking or value function (`row_number`, `lag`, ...) or an
    /// aggregate (`sum`, `count_star`, ...) evaluated over the frame.
    public var name: String
    public var arguments: [BoundExpression]
    public var isDistinct: Bool
    public var filter: BoundExpression?
    public var ignoreNulls: Bool
    public var partitionBy: [BoundExpression]
    public var orderBy: [SortKey]
    public var frame: WindowFrameSpec
    public var type: DataType

    public init(name: String, arguments: [BoundExpression], isDistinct: Bool = false, filter: BoundExpression? = nil,
                ignoreNulls: Bool = false, partitionBy: [BoundExpression], orderBy: [SortKey], frame: WindowFrameSpec,
                type: DataType) {
        self.name = name
        self.arguments = arguments
        self.isDistinct = isDistinct
        self.filter = filter
        self.ignoreNulls = ignoreNulls
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.frame = frame
        self.type = type
    }
}

/// A window frame with SQL's defaults applied: with `ORDER BY`, `RANGE BETWEEN UNBOUNDED
/// PRECEDING AND CURRENT ROW`; without, the whole partition.
public struct WindowFrameSpec: Hashable, Sendable {
    public enum Unit: String, Hashable, Sendable {
        case rows, range, groups
    }

    /// One end of the frame; offsets are constants (a number of rows or groups, or for
    /// `RANGE` a value in the ordering key's type).
    public enum Bound: Hashable, Sendable {
        case unboundedPreceding
        case preceding(Value)
        case currentRow
        case following(Value)
        case unboundedFollowing
    }

    public var unit: Unit
    public var start: Bound
    public var end: Bound

    public init(unit: Unit, start: Bound, end: Bound) {
        self.unit = unit
        self.start = start
        self.end = end
    }

    /// The whole partition.
    public static let entirePartition = WindowFrameSpec(unit: .rows, start: .unboundedPreceding, end: .unboundedFollowing)
    /// The SQL default with `ORDER BY`: from the partition start to the current row's last peer.
    public static let runningRange = WindowFrameSpec(unit: .range, start: .unboundedPreceding, end: .currentRow)
}
