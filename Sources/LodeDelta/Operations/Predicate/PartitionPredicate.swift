import LodeCore

/// A condition on partition columns, such as `region = 'eu' AND day >= '2024-01-01'`:
/// what `DELETE … WHERE` and `replaceWhere` take, and what a transaction declares it
/// read so concurrent commits can be checked against it.
///
/// Comparisons follow SQL: a null partition value satisfies only `IS NULL`, and a
/// literal is read as the column's type (`day = '2024-01-31'` compares dates).
///
/// ```swift
/// let predicate = try PartitionPredicate("region IN ('eu', 'us') AND day = '2024-01-31'",
///                                        partitionColumns: [Field("region", .string), Field("day", .date)])
/// predicate.matches(["region": "eu", "day": "2024-01-31"])   // true
/// ```
public struct PartitionPredicate: Hashable, Sendable, CustomStringConvertible {
    indirect enum Node: Hashable, Sendable {
        case compare(column: String, op: ComparisonOperator, literal: Value)
        case isIn(column: String, literals: [Value], negated: Bool)
        case isNull(column: String, negated: Bool)
        case and(Node, Node)
        case or(Node, Node)
        case not(Node)
        case constant(Bool)
    }

    enum ComparisonOperator: String, Hashable, Sendable {
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    let root: Node
    /// The partition columns the predicate was bound to, by name.
    let columns: [String: DataType]
    /// The text the predicate was parsed from.
    public let text: String

    /// Parses `text` and binds it to `partitionColumns`; throws ``DeltaError`` naming the
    /// column when the text refers to anything but a partition column, or a literal
    /// does not fit its column's type.
    public init(_ text: String, partitionColumns: [Field]) throws {
        var parser = try PredicateParser(text: text, columns: partitionColumns)
        root = try parser.parse()
        columns = Dictionary(partitionColumns.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        self.text = text
    }

    /// The partition columns the predicate mentions.
    public var referencedColumns: Set<String> { Self.referenced(root) }

    public var description: String { text }

    /// Whether a file with these partition values (log text, `nil` for null) satisfies
    /// the predicate. Values that do not parse as their column's type never match.
    public func matches(_ partitionValues: [String: String?]) -> Bool {
        (try? evaluate(root, partitionValues)) == true
    }

    /// Whether a row with these typed partition values satisfies the predicate.
    public func matches(values: [String: Value]) -> Bool {
        evaluate(root) { values[$0] ?? .null } == true
    }

    private func evaluate(_ node: Node, _ partitionValues: [String: String?]) throws -> Bool? {
        var parsed: [String: Value] = [:]
        for column in referencedColumns {
            let entry: String?? = partitionValues[column]
                ?? partitionValues.first { $0.key.lowercased() == column.lowercased() }?.value
            parsed[column] = try PartitionValue.parse(entry ?? nil, as: columns[column] ?? .string, column: column)
        }
        return evaluate(node) { parsed[$0] ?? .null }
    }

    /// Three-valued evaluation: `nil` is SQL's unknown.
    private func evaluate(_ node: Node, _ value: (String) -> Value) -> Bool? {
        switch node {
        case .constant(let b): return b
        case .compare(let column, let op, let literal):
            let v = value(column)
            if v.isNull || literal.isNull { return nil }
            guard let order = Value.compare(v, literal) else { return nil }
            switch op {
            case .equal: return order == 0
            case .notEqual: return order != 0
            case .less: return order < 0
            case .lessOrEqual: return order <= 0
            case .greater: return order > 0
            case .greaterOrEqual: return order >= 0
            }
        case .isIn(let column, let literals, let negated):
            let v = value(column)
            if v.isNull { return nil }
            var sawNull = false
            for literal in literals {
                if literal.isNull { sawNull = true; continue }
                if Value.compare(v, literal) == 0 { return !negated }
            }
            return sawNull ? nil : negated
        case .isNull(let column, let negated):
            return value(column).isNull != negated
        case .and(let a, let b):
            let x = evaluate(a, value), y = evaluate(b, value)
            if x == false || y == false { return false }
            if x == nil || y == nil { return nil }
            return true
        case .or(let a, let b):
            let x = evaluate(a, value), y = evaluate(b, value)
            if x == true || y == true { return true }
            if x == nil || y == nil { return nil }
            return false
        case .not(let a):
            return evaluate(a, value).map { !$0 }
        }
    }

    private static func referenced(_ node: Node) -> Set<String> {
        switch node {
        case .constant: return []
        case .compare(let c, _, _), .isIn(let c, _, _), .isNull(let c, _): return [c]
        case .and(let a, let b), .or(let a, let b): return referenced(a).union(referenced(b))
        case .not(let a): return referenced(a)
        }
    }
}
