/// A full query: `WITH ... <body> ORDER BY ... LIMIT ... OFFSET ...`.
public struct Query: Hashable, Sendable, CustomStringConvertible {
    public var with: WithClause?
    public var body: QueryBody
    public var orderBy: [OrderItem]
    public var limit: Expression?
    public var offset: Expression?

    public init(with: WithClause? = nil, body: QueryBody, orderBy: [OrderItem] = [], limit: Expression? = nil, offset: Expression? = nil) {
        self.with = with
        self.body = body
        self.orderBy = orderBy
        self.limit = limit
        self.offset = offset
    }

    public var description: String { sql }
}

/// `WITH [RECURSIVE] name [(columns)] AS (query), ...`.
public struct WithClause: Hashable, Sendable {
    public var isRecursive: Bool
    public var tables: [CommonTableExpression]

    public init(isRecursive: Bool = false, tables: [CommonTableExpression]) {
        self.isRecursive = isRecursive
        self.tables = tables
    }
}

/// One named query of a `WITH` clause.
public struct CommonTableExpression: Hashable, Sendable {
    public var name: Identifier
    public var columns: [Identifier]
    public var query: Query

    public init(name: Identifier, columns: [Identifier] = [], query: Query) {
        self.name = name
        self.columns = columns
        self.query = query
    }
}

/// The part of a query that produces rows, before ordering and limits.
public indirect enum QueryBody: Hashable, Sendable {
    case select(SelectCore)
    /// `VALUES (1, 'a'), (2, 'b')`.
    case values([[Expression]])
    /// A parenthesized query with its own `WITH`, `ORDER BY` or `LIMIT`.
    case nested(Query)
    /// `left UNION [ALL] right`, `INTERSECT`, `EXCEPT`.
    case setOperation(SetOperator, all: Bool, QueryBody, QueryBody)
}

public enum SetOperator: String, Hashable, Sendable {
    case union = "UNION"
    case intersect = "INTERSECT"
    case except = "EXCEPT"
}

/// One `SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ... QUALIFY ... WINDOW ...` block.
public struct SelectCore: Hashable, Sendable {
    public var isDistinct: Bool
    /// `SELECT DISTINCT ON (a, b)`.
    public var distinctOn: [Expression]
    public var items: [SelectItem]
    /// Comma-separated `FROM` entries (each may be a join tree); empty without `FROM`.
    public var from: [TableReference]
    public var whereClause: Expression?
    public var groupBy: [GroupingElement]
    public var having: Expression?
    public var qualify: Expression?
    public var windows: [NamedWindow]

    public init(
        isDistinct: Bool = false, distinctOn: [Expression] = [], items: [SelectItem], from: [TableReference] = [],
        whereClause: Expression? = nil, groupBy: [GroupingElement] = [], having: Expression? = nil,
        qualify: Expression? = nil, windows: [NamedWindow] = []
    ) {
        self.isDistinct = isDistinct
        self.distinctOn = distinctOn
        self.items = items
        self.from = from
        self.whereClause = whereClause
        self.groupBy = groupBy
        self.having = having
        self.qualify = qualify
        self.windows = windows
    }
}

/// One entry of a select list: an expression (possibly `*` or `t.*`) with an optional alias.
public struct SelectItem: Hashable, Sendable {
    public var expression: Expression
    public var alias: Identifier?

    public init(_ expression: Expression, alias: Identifier? = nil) {
        self.expression = expression
        self.alias = alias
    }
}

/// One entry of `GROUP BY`.
public enum GroupingElement: Hashable, Sendable {
    case expression(Expression)
    case rollup([Expression])
    case cube([Expression])
    case groupingSets([[Expression]])
    /// `GROUP BY ALL`.
    case all
}

/// `WINDOW name AS (...)`.
public struct NamedWindow: Hashable, Sendable {
    public var name: Identifier
    public var specification: WindowSpecification

    public init(name: Identifier, specification: WindowSpecification) {
        self.name = name
        self.specification = specification
    }
}

/// `expression [ASC|DESC] [NULLS FIRST|LAST]`; `nil` means the default was not spelled out.
public struct OrderItem: Hashable, Sendable {
    public var expression: Expression
    public var ascending: Bool?
    public var nullsFirst: Bool?

    public init(_ expression: Expression, ascending: Bool? = nil, nullsFirst: Bool? = nil) {
        self.expression = expression
        self.ascending = ascending
        self.nullsFirst = nullsFirst
    }
}
