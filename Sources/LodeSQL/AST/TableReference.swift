/// An entry of `FROM`: a table, a table function, a subquery or a join of two of them.
public indirect enum TableReference: Hashable, Sendable {
    /// `layer.table [VERSION AS OF 12 | TIMESTAMP AS OF '...'] [AS alias (columns)]`.
    case table(QualifiedName, timeTravel: TimeTravel?, alias: TableAlias?)
    /// `read_parquet('glob')`, `delta_scan('p', version => 12)`.
    case function(QualifiedName, arguments: [FunctionArgument], alias: TableAlias?)
    /// `[LATERAL] (SELECT ...) [AS alias (columns)]`.
    case subquery(Query, lateral: Bool, alias: TableAlias?)
    case join(TableReference, JoinKind, TableReference, JoinCondition)
}

/// `AS name (column, ...)`.
public struct TableAlias: Hashable, Sendable {
    public var name: Identifier
    public var columns: [Identifier]

    public init(name: Identifier, columns: [Identifier] = []) {
        self.name = name
        self.columns = columns
    }
}

/// Which snapshot of a versioned table to read.
public enum TimeTravel: Hashable, Sendable {
    /// `VERSION AS OF 12`.
    case version(Expression)
    /// `TIMESTAMP AS OF '2024-01-01'`.
    case timestamp(Expression)
}

public enum JoinKind: String, Hashable, Sendable {
    case inner = "JOIN"
    case left = "LEFT JOIN"
    case right = "RIGHT JOIN"
    case full = "FULL JOIN"
    case cross = "CROSS JOIN"
}

public enum JoinCondition: Hashable, Sendable {
    /// Cross joins.
    case none
    case on(Expression)
    case using([Identifier])
    /// `NATURAL JOIN`: joined on all same-named columns.
    case natural
}
