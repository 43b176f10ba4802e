/// One SQL statement.
public indirect enum Statement: Hashable, Sendable, CustomStringConvertible {
    case query(Query)
    case createTable(CreateTable)
    case insert(Insert)
    case update(Update)
    case delete(Delete)
    case merge(Merge)
    case dropTable(DropTable)
    /// `EXPLAIN [ANALYZE] statement`.
    case explain(Statement, analyze: Bool)
    case copy(Copy)

    public var description: String { sql }
}

/// `CREATE [OR REPLACE] TABLE [IF NOT EXISTS] name (columns)` or `... AS query`.
public struct CreateTable: Hashable, Sendable {
    public var orReplace: Bool
    public var ifNotExists: Bool
    public var name: QualifiedName
    public var columns: [ColumnDefinition]
    public var query: Query?

    public init(orReplace: Bool = false, ifNotExists: Bool = false, name: QualifiedName, columns: [ColumnDefinition] = [], query: Query? = nil) {
        self.orReplace = orReplace
        self.ifNotExists = ifNotExists
        self.name = name
        self.columns = columns
        self.query = query
    }
}

/// `name type [NOT NULL | NULL] [DEFAULT expr] [PRIMARY KEY]`.
public struct ColumnDefinition: Hashable, Sendable {
    public var name: Identifier
    public var type: DataTypeName
    /// `false` for `NOT NULL`, `true` for an explicit `NULL`, `nil` when unspecified.
    public var nullable: Bool?
    public var defaultValue: Expression?
    public var isPrimaryKey: Bool

    public init(name: Identifier, type: DataTypeName, nullable: Bool? = nil, defaultValue: Expression? = nil, isPrimaryKey: Bool = false) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.defaultValue = defaultValue
        self.isPrimaryKey = isPrimaryKey
    }
}

/// `INSERT INTO name [(columns)] query`; `VALUES` lists are a `QueryBody.values` query.
public struct Insert: Hashable, Sendable {
    public var table: QualifiedName
    public var columns: [Identifier]
    public var source: Query

    public init(table: QualifiedName, columns: [Identifier] = [], source: Query) {
        self.table = table
        self.columns = columns
        self.source = source
    }
}

/// `column = value` in `UPDATE ... SET` and `MERGE ... UPDATE SET`.
public struct Assignment: Hashable, Sendable {
    public var column: Identifier
    public var value: Expression

    public init(column: Identifier, value: Expression) {
        self.column = column
        self.value = value
    }
}

/// `UPDATE name [AS alias] SET assignments [FROM tables] [WHERE condition]`.
public struct Update: Hashable, Sendable {
    public var table: QualifiedName
    public var alias: Identifier?
    public var assignments: [Assignment]
    public var from: [TableReference]
    public var whereClause: Expression?

    public init(table: QualifiedName, alias: Identifier? = nil, assignments: [Assignment], from: [TableReference] = [], whereClause: Expression? = nil) {
        self.table = table
        self.alias = alias
        self.assignments = assignments
        self.from = from
        self.whereClause = whereClause
    }
}

/// `DELETE FROM name [AS alias] [WHERE condition]`.
public struct Delete: Hashable, Sendable {
    public var table: QualifiedName
    public var alias: Identifier?
    public var whereClause: Expression?

    public init(table: QualifiedName, alias: Identifier? = nil, whereClause: Expression? = nil) {
        self.table = table
        self.alias = alias
        self.whereClause = whereClause
    }
}

/// `DROP TABLE [IF EXISTS] name, ...`.
public struct DropTable: Hashable, Sendable {
    public var ifExists: Bool
    public var names: [QualifiedName]

    public init(ifExists: Bool = false, names: [QualifiedName]) {
        self.ifExists = ifExists
        self.names = names
    }
}

/// `COPY (query) TO 'file' (FORMAT parquet, ...)` or `COPY table [(columns)] TO|FROM 'file' (...)`.
public struct Copy: Hashable, Sendable {
    public enum Source: Hashable, Sendable {
        case query(Query)
        case table(QualifiedName, columns: [Identifier])
    }

    /// `true` for `COPY ... TO 'file'`, `false` for `COPY table FROM 'file'`.
    public var isExport: Bool
    public var source: Source
    public var path: String
    /// Options in order, names lower-cased; a flag without value has `value == nil`.
    public var options: [CopyOption]

    public init(isExport: Bool = true, source: Source, path: String, options: [CopyOption] = []) {
        self.isExport = isExport
        self.source = source
        self.path = path
        self.options = options
    }
}

/// `FORMAT parquet`, `HEADER true`, `COMPRESSION 'zstd'`.
public struct CopyOption: Hashable, Sendable {
    public var name: Identifier
    public var value: Expression?

    public init(name: Identifier, value: Expression?) {
        self.name = name
        self.value = value
    }
}
