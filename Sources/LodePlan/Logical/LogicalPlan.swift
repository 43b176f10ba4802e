import LodeCore

/// A relational operator tree over ``ColumnID``-identified columns.
///
/// Each case holds a node struct; ``columns`` lists what the node outputs, in order.
public indirect enum LogicalPlan: Sendable {
    /// Rows of a table, reading only ``Scan/columns``.
    case scan(Scan)
    /// Constant rows: `VALUES`, and `SELECT` without `FROM` (one row, no columns).
    case values(Values)
    case filter(Filter)
    case project(Project)
    /// `GROUP BY` (with grouping sets) and aggregate functions; `DISTINCT` is a grouping
    /// without aggregates.
    case aggregate(Aggregate)
    case join(Join)
    case sort(Sort)
    case limit(Limit)
    /// Window functions, appended after the input's columns.
    case window(Window)
    case setOperation(SetOperation)

    /// The output columns, in order.
    public var columns: [PlanColumn] {
        switch self {
        case .scan(let n): return n.columns
        case .values(let n): return n.columns
        case .filter(let n): return n.input.columns
        case .project(let n): return n.columns
        case .aggregate(let n): return n.groupColumns + n.aggregateColumns + (n.groupingIDColumn.map { [$0] } ?? [])
        case .join(let n): return n.columns
        case .sort(let n): return n.input.columns
        case .limit(let n): return n.input.columns
        case .window(let n): return n.input.columns + n.columns
        case .setOperation(let n): return n.columns
        }
    }

    /// The direct inputs, left to right.
    public var children: [LogicalPlan] {
        switch self {
        case .scan, .values: return []
        case .filter(let n): return [n.input]
        case .project(let n): return [n.input]
        case .aggregate(let n): return [n.input]
        case .join(let n): return [n.left, n.right]
        case .sort(let n): return [n.input]
        case .limit(let n): return [n.input]
        case .window(let n): return [n.input]
        case .setOperation(let n): return [n.left, n.right]
        }
    }

    /// The result schema a user sees.
    public var schema: Schema { Schema(columns.map(\.field)) }
}

/// Reads `columns` of `source`; `filters` (conjuncts over those columns) are applied exactly
/// by the scan and also offered to the source to skip files and row groups.
public struct Scan: Sendable {
    public var source: any TableSource
    public var columns: [PlanColumn]
    /// For each of `columns`, its index in `source.schema`.
    public var sourceIndices: [Int]
    public var filters: [BoundExpression]
    /// The source's row count cap when a limit was pushed down.
    public var limit: Int?

    public init(source: any TableSource, columns: [PlanColumn], sourceIndices: [Int], filters: [BoundExpression] = [], limit: Int? = nil) {
        self.source = source
        self.columns = columns
        self.sourceIndices = sourceIndices
        self.filters = filters
        self.limit = limit
    }
}

/// Constant rows; every row has one expression per column.
public struct Values: Sendable {
    public var columns: [PlanColumn]
    public var rows: [[BoundExpression]]

    public init(columns: [PlanColumn], rows: [[BoundExpression]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// Keeps the rows where `predicate` is true (not false, not NULL).
public struct Filter: Sendable {
    public var input: LogicalPlan
    public var predicate: BoundExpression

    public init(input: LogicalPlan, predicate: BoundExpression) {
        self.input = input
        self.predicate = predicate
    }
}

/// Computes `expressions`, output as `columns` (one each, same order).
public struct Project: Sendable {
    public var input: LogicalPlan
    public var expressions: [BoundExpression]
    public var columns: [PlanColumn]

    public init(input: LogicalPlan, expressions: [BoundExpression], columns: [PlanColumn]) {
        self.input = input
        self.expressions = expressions
        self.columns = columns
    }
}

/// Groups by `groups` and computes `aggregates` per group.
///
/// With `groupingSets`, each set lists the indices of `groups` it groups by; a group key
/// outside the current set is NULL in the output, and `groupingIDColumn` (when present)
/// holds DuckDB's `grouping_id`: bit i (from the most significant, over `groups`) set when
/// group i is not in the set. Without `groupingSets` there is one set of all groups.
public struct Aggregate: Sendable {
    public var input: LogicalPlan
    public var groups: [BoundExpression]
    public var groupColumns: [PlanColumn]
    public var aggregates: [AggregateCall]
    public var aggregateColumns: [PlanColumn]
    public var groupingSets: [[Int]]?
    public var groupingIDColumn: PlanColumn?

    public init(input: LogicalPlan, groups: [BoundExpression], groupColumns: [PlanColumn], aggregates: [AggregateCall],
                aggregateColumns: [PlanColumn], groupingSets: [[Int]]? = nil, groupingIDColumn: PlanColumn? = nil) {
        self.input = input
        self.groups = groups
        self.groupColumns = groupColumns
        self.aggregates = aggregates
        self.aggregateColumns = aggregateColumns
        self.groupingSets = groupingSets
        self.groupingIDColumn = groupingIDColumn
    }
}

/// One aggregate function call: `sum(x)`, `count(DISTINCT y) FILTER (WHERE z)`,
/// `string_agg(s, ',' ORDER BY t)`.
public struct AggregateCall: Hashable, Sendable {
    /// Lower-case name resolved by the ``FunctionRegistry``; `count_star` for `count(*)`.
    public var name: String
    public var arguments: [BoundExpression]
    public var isDistinct: Bool
    public var filter: BoundExpression?
    public var orderBy: [SortKey]
    public var type: DataType

    public init(name: String, arguments: [BoundExpression], isDistinct: Bool = false, filter: BoundExpression? = nil,
                orderBy: [SortKey] = [], type: DataType) {
        self.name = name
        self.arguments = arguments
        self.isDistinct = isDistinct
        self.filter = filter
        self.orderBy = orderBy
        self.type = type
    }
}

/// How two inputs are joined.
public enum JoinKind: Hashable, Sendable {
    case inner, left, right, full
    /// Left rows with at least one match; outputs the left columns only.
    case semi
    /// Left rows without a match; outputs the left columns only. When `nullAware`
    /// (`NOT IN`), a NULL on either side of the equality key counts as a possible match
    /// (SQL's three-valued `NOT IN`).
    case anti(nullAware: Bool)
    /// Left columns plus a boolean mark: true with a match, NULL when no match but a
    /// NULL comparison, else false (`x IN (SELECT ...)` in a non-filter position).
    case mark
    /// Left join that fails when a left row matches more than one right row
    /// (an uncorrelated or decorrelated scalar subquery).
    case single
}

/// Joins `left` and `right` on `condition` (`nil`: a cross product).
public struct Join: Sendable {
    public var kind: JoinKind
    public var left: LogicalPlan
    public var right: LogicalPlan
    public var condition: BoundExpression?
    /// The boolean column of a `.mark` join.
    public var markColumn: PlanColumn?

    public init(kind: JoinKind, left: LogicalPlan, right: LogicalPlan, condition: BoundExpression?, markColumn: PlanColumn? = nil) {
        self.kind = kind
        self.left = left
        self.right = right
        self.condition = condition
        self.markColumn = markColumn
    }

    /// Left then right columns; only the left ones (and the mark) for semi, anti and mark joins.
    public var columns: [PlanColumn] {
        switch kind {
        case .semi, .anti: return left.columns
        case .mark: return left.columns + (markColumn.map { [$0] } ?? [])
        case .inner, .left, .right, .full, .single: return left.columns + right.columns
        }
    }
}

/// Orders the input by `keys`; with `limit`, keeps only the first rows (top-N).
public struct Sort: Sendable {
    public var input: LogicalPlan
    public var keys: [SortKey]
    public var limit: Int?

    public init(input: LogicalPlan, keys: [SortKey], limit: Int? = nil) {
        self.input = input
        self.keys = keys
        self.limit = limit
    }
}

/// Skips `offset` rows, then keeps at most `limit` (all when `nil`).
public struct Limit: Sendable {
    public var input: LogicalPlan
    public var limit: Int?
    public var offset: Int

    public init(input: LogicalPlan, limit: Int?, offset: Int = 0) {
        self.input = input
        self.limit = limit
        self.offset = offset
    }
}

/// Computes `functions`, each output as the matching entry of `columns` after the input's.
public struct Window: Sendable {
    public var input: LogicalPlan
    public var functions: [WindowCall]
    public var columns: [PlanColumn]

    public init(input: LogicalPlan, functions: [WindowCall], columns: [PlanColumn]) {
        self.input = input
        self.functions = functions
        self.columns = columns
    }
}

/// `UNION [ALL]`, `INTERSECT [ALL]`, `EXCEPT [ALL]` of two inputs with the same column types.
public struct SetOperation: Sendable {
    public enum Kind: String, Hashable, Sendable {
        case union, intersect, except
    }

    public var kind: Kind
    public var all: Bool
    public var left: LogicalPlan
    public var right: LogicalPlan
    public var columns: [PlanColumn]

    public init(kind: Kind, all: Bool, left: LogicalPlan, right: LogicalPlan, columns: [PlanColumn]) {
        self.kind = kind
        self.all = all
        self.left = left
        self.right = right
        self.columns = columns
    }
}
