import LodeSQL

/// Small constructors for the syntax trees DML statements build around the user's expressions.
enum Syntax {
    /// The one-part name a DML statement's target is bound under.
    static let targetTable = "__lode_target"
    /// The marker column added to a MERGE source: TRUE on every source row.
    static let sourceMarker = "__lode_source"

    /// `qualifier."name"`, the name matched exactly.
    static func column(_ name: String, of qualifier: Identifier?) -> Expression {
        .column(QualifiedName((qualifier.map { [$0] } ?? []) + [Identifier(name, quoted: true)]))
    }

    /// The DML target seen under `alias`.
    static func target(alias: Identifier) -> TableReference {
        .table(QualifiedName([Identifier(targetTable, quoted: true)]), timeTravel: nil, alias: TableAlias(name: alias))
    }

    static func select(_ items: [SelectItem], from: [TableReference], where condition: Expression? = nil) -> Query {
        Query(body: .select(SelectCore(items: items, from: from, whereClause: condition)))
    }

    static func and(_ a: Expression, _ b: Expression?) -> Expression { b.map { .binary(a, .and, $0) } ?? a }

    static func or(_ terms: [Expression]) -> Expression {
        terms.dropFirst().reduce(terms.first ?? .literal(.boolean(false))) { .binary($0, .or, $1) }
    }

    /// The index in `names` of the column `identifier` names, case-insensitively unless quoted.
    static func fieldIndex(of identifier: Identifier, in names: [String]) -> Int? {
        if identifier.isQuoted, let exact = names.firstIndex(of: identifier.spelling) { return exact }
        return names.firstIndex { $0.lowercased() == identifier.spelling.lowercased() }
    }
}
