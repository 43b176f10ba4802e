import LodeCore

/// A typed expression whose names are resolved: the binder's output and the
/// optimizer's and executor's input.
///
/// Operators and scalar functions are all `.call`s under one lower-case name that the
/// ``FunctionRegistry`` resolved, their arguments already cast to the signature:
/// - comparisons `=`, `<>`, `<`, `<=`, `>`, `>=`, `is_distinct_from`, `is_not_distinct_from`;
/// - logic `and`, `or`, `not` (SQL three-valued), `is_null`, `is_not_null`;
/// - arithmetic `+`, `-`, `*`, `/`, `//`, `%`, `negate`; string `||` (NULL when either side is,
///   unlike `concat`, which skips NULLs);
/// - `like`, `ilike` (value, pattern[, escape]); `in` (value, candidate, ...);
/// - every named function (`lower`, `date_trunc`, `coalesce`, ...).
public indirect enum BoundExpression: Hashable, Sendable {
    /// A column produced by a child operator (or, inside a subquery, by an outer query).
    case column(ColumnID, DataType)
    /// A constant; `.null` with the type the context gave it.
    case literal(Value, DataType)
    /// `CAST`, `TRY_CAST` (`isTry`: NULL instead of an error) and implicit casts.
    case cast(BoundExpression, to: DataType, isTry: Bool)
    /// A scalar function or operator with its result type.
    case call(String, [BoundExpression], DataType)
    /// `CASE WHEN ... THEN ... ELSE ... END`; the simple form is rewritten to `=` tests.
    case caseWhen([BoundWhen], otherwise: BoundExpression?, DataType)
    /// A subquery used as a value, in `EXISTS` or in `IN`; the optimizer's decorrelation
    /// rule replaces every one with a join before execution.
    case subquery(BoundSubquery)

    /// The result type.
    public var type: DataType {
        switch self {
        case .column(_, let t), .literal(_, let t), .cast(_, let t, _), .call(_, _, let t), .caseWhen(_, _, let t):
            return t
        case .subquery(let s): return s.type
        }
    }
}

/// One `WHEN condition THEN result` arm of a bound `CASE`.
public struct BoundWhen: Hashable, Sendable {
    public var condition: BoundExpression
    public var result: BoundExpression

    public init(condition: BoundExpression, result: BoundExpression) {
        self.condition = condition
        self.result = result
    }
}

/// A subquery inside an expression, before decorrelation.
///
/// Columns of enclosing queries that the subquery reads appear in its plan as ordinary
/// `.column` references and are listed in ``outerColumns``. Compared by identity.
public final class BoundSubquery: Hashable, @unchecked Sendable {
    public enum Kind: Hashable, Sendable {
        /// `(SELECT x ...)`: the single value of the single column, NULL without rows;
        /// more than one row is an error.
        case scalar
        /// `EXISTS (SELECT ...)`.
        case exists
        /// `value IN (SELECT x ...)` (`value = ANY`), with SQL's NULL semantics.
        case inSubquery(BoundExpression)
    }

    public let kind: Kind
    public let plan: LogicalPlan
    /// Outer columns referenced inside `plan`; empty for an uncorrelated subquery.
    public let outerColumns: [PlanColumn]
    /// `.boolean` for `exists` and `inSubquery`, the column's type for `scalar`.
    public let type: DataType

    public init(kind: Kind, plan: LogicalPlan, outerColumns: [PlanColumn], type: DataType) {
        self.kind = kind
        self.plan = plan
        self.outerColumns = outerColumns
        self.type = type
    }

    public static func == (a: BoundSubquery, b: BoundSubquery) -> Bool { a === b }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// A sort key of `ORDER BY`, window ordering and ordered aggregates, with defaults applied
/// (DuckDB's: ascending, nulls last).
public struct SortKey: Hashable, Sendable {
    public var expression: BoundExpression
    public var ascending: Bool
    public var nullsFirst: Bool

    public init(_ expression: BoundExpression, ascending: Bool = true, nullsFirst: Bool = false) {
        self.expression = expression
        self.ascending = ascending
        self.nullsFirst = nullsFirst
    }
}
