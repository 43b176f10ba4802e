import LodeCore
import LodeSQL

/// The columns a `FROM` clause makes visible, in `*` order, with their table qualifiers.
struct BindScope {
    /// One visible column.
    struct Entry {
        /// The table's lookup name (alias or last name part, lower-cased); `nil` for the
        /// merged key of `USING`/`NATURAL` and for derived tables without alias.
        var qualifier: String?
        /// The name as the user sees it.
        var name: String
        /// What a reference to the column binds to: a column, or `COALESCE` of a FULL
        /// join's `USING` keys.
        var expression: BoundExpression
        /// False for the two sides of a `USING` key: only their merged entry answers to the bare name.
        var isUnqualifiedVisible = true
        /// False for the two sides of a `USING` key: the merged entry stands for them in `*`.
        var isInStar = true
        /// What names the table in `FROM` for duplicate detection: its alias, else its
        /// qualified name; `nil` for derived tables, which may share an alias.
        var tableName: String?
    }

    var entries: [Entry] = []

    init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// Entries for the output columns of a plan, under one qualifier.
    init(columns: [PlanColumn], qualifier: String?) {
        entries = columns.map { Entry(qualifier: qualifier, name: $0.name, expression: .column($0.id, $0.type)) }
    }

    /// The table names of the entries (see `Entry.tableName`).
    var tableNames: Set<String> {
        Set(entries.compactMap(\.tableName))
    }

    /// Names every entry as coming from table `name`.
    mutating func setTableName(_ name: String?) {
        for index in entries.indices { entries[index].tableName = name }
    }

    /// The qualifiers present, for error messages.
    var qualifiers: [String] {
        var seen: [String] = []
        for entry in entries { if let q = entry.qualifier, !seen.contains(q) { seen.append(q) } }
        return seen
    }

    /// The ids of every column an entry refers to.
    var columnIDs: Set<ColumnID> {
        var ids: Set<ColumnID> = []
        for entry in entries { entry.expression.collectColumnIDs(into: &ids) }
        return ids
    }

    /// The outcome of looking a name up in one scope.
    enum Lookup {
        case found(Entry)
        case notFound
        case ambiguous([Entry])
    }

    /// Finds `parts` (`column`, `table.column`, `schema.table.column`).
    func lookup(_ parts: [Identifier]) -> Lookup {
        guard let column = parts.last else { return .notFound }
        let matches: [Entry]
        if parts.count == 1 {
            matches = entries.filter { $0.isUnqualifiedVisible && Self.matches($0.name, column) }
        } else {
            let table = parts[parts.count - 2]
            matches = entries.filter { entry in
                guard let qualifier = entry.qualifier else { return false }
                return Self.matches(qualifier, table) && Self.matches(entry.name, column)
            }
        }
        if matches.isEmpty { return .notFound }
        if matches.count == 1 { return .found(matches[0]) }
        let exact = matches.filter { $0.name == column.name }
        if exact.count == 1 { return .found(exact[0]) }
        let first = matches[0].expression
        if matches.allSatisfy({ $0.expression == first }) { return .found(matches[0]) }
        return .ambiguous(matches)
    }

    /// True when `qualifier` names a table of this scope.
    func hasQualifier(_ table: Identifier) -> Bool {
        entries.contains { $0.qualifier.map { Self.matches($0, table) } ?? false }
    }

    /// The entries `*` or `t.*` stands for.
    func starEntries(qualifier: Identifier?) -> [Entry] {
        guard let qualifier else { return entries.filter(\.isInStar) }
        return entries.filter { $0.qualifier.map { Self.matches($0, qualifier) } ?? false }
    }

    /// Names that a misspelled reference might have meant.
    func candidateNames(qualifier: Identifier?) -> [String] {
        guard let qualifier else { return entries.filter(\.isUnqualifiedVisible).map(\.name) }
        return entries.filter { $0.qualifier.map { Self.matches($0, qualifier) } ?? false }.map(\.name)
    }

    /// Names match case-insensitively, as in DuckDB.
    static func matches(_ name: String, _ identifier: Identifier) -> Bool {
        name == identifier.name || name.lowercased() == identifier.name.lowercased()
    }
}

/// One level of name resolution: a query block's scope inside its enclosing blocks.
///
/// A subquery binds in a frame whose parent is the frame of the expression holding it;
/// names not found locally resolve in the parents and are recorded as outer references
/// on every frame in between.
final class BindFrame {
    var scope: BindScope
    let parent: BindFrame?
    /// Columns of enclosing frames referenced from inside this frame, in first-use order.
    private(set) var outerReferences: [PlanColumn] = []
    /// While binding expressions after aggregation: maps group expressions to the group
    /// columns, so that correlated references to this frame read the grouped value.
    var aggregation: AggregationState?
    /// Common table expressions defined at this level, by lookup name.
    var commonTables: [String: CommonTableDefinition] = [:]

    init(scope: BindScope = BindScope(), parent: BindFrame?) {
        self.scope = scope
        self.parent = parent
    }

    func recordOuterReference(_ column: PlanColumn) {
        if !outerReferences.contains(where: { $0.id == column.id }) { outerReferences.append(column) }
    }

    func recordOuterReferences(of expression: BoundExpression, names: (ColumnID) -> String) {
        var ids: Set<ColumnID> = []
        var types: [ColumnID: DataType] = [:]
        expression.collectColumns(into: &ids, types: &types)
        for id in ids.sorted() {
            recordOuterReference(PlanColumn(id: id, name: names(id), type: types[id] ?? .int64))
        }
    }
}

/// A `WITH` entry and the frame its query binds under (which sees the entries before it).
struct CommonTableDefinition {
    var table: CommonTableExpression
    var parent: BindFrame?
}

extension BindFrame {
    /// The common table expression `name` visible from this frame.
    func commonTable(_ name: Identifier) -> CommonTableDefinition? {
        var frame: BindFrame? = self
        while let current = frame {
            if let found = current.commonTables[name.name] ?? current.commonTables.first(where: { BindScope.matches($0.key, name) })?.value {
                return found
            }
            frame = current.parent
        }
        return nil
    }

    /// Every common table name visible from this frame, for suggestions.
    var commonTableNames: [String] {
        var names: [String] = []
        var frame: BindFrame? = self
        while let current = frame {
            names += current.commonTables.keys
            frame = current.parent
        }
        return names
    }
}

extension BoundExpression {
    /// Adds the ids of the columns this expression reads (not inside subqueries).
    func collectColumnIDs(into ids: inout Set<ColumnID>) {
        var types: [ColumnID: DataType] = [:]
        collectColumns(into: &ids, types: &types)
    }

    func collectColumns(into ids: inout Set<ColumnID>, types: inout [ColumnID: DataType]) {
        switch self {
        case .column(let id, let type):
            ids.insert(id)
            types[id] = type
        case .literal: break
        case .cast(let inner, _, _): inner.collectColumns(into: &ids, types: &types)
        case .call(_, let args, _): for arg in args { arg.collectColumns(into: &ids, types: &types) }
        case .caseWhen(let branches, let otherwise, _):
            for branch in branches {
                branch.condition.collectColumns(into: &ids, types: &types)
                branch.result.collectColumns(into: &ids, types: &types)
            }
            otherwise?.collectColumns(into: &ids, types: &types)
        case .subquery(let subquery):
            if case .inSubquery(let value) = subquery.kind { value.collectColumns(into: &ids, types: &types) }
            for column in subquery.outerColumns {
                ids.insert(column.id)
                types[column.id] = column.type
            }
        }
    }
}
