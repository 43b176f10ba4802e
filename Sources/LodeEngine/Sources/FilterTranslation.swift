import LodeCore
import LodeParquet
import LodePlan

/// Turns a scan's filter conjuncts into a ``ParquetPredicate`` over the source's column
/// names, for row group pruning and Delta file skipping.
///
/// Translated: `=`, `<>`, `<`, `<=`, `>`, `>=` between a column and a literal (either
/// side, the column possibly under an order-preserving cast such as INT → BIGINT or
/// DATE → TIMESTAMP, the literal under a cast that keeps its value), `in` over
/// literals, `is_null`, `is_not_null`, a bare boolean column, `and`, `or` and `not`.
/// Anything else is left out: a conjunct that does not translate simply prunes
/// nothing, and the scan applies every filter exactly afterwards.
///
/// ```swift
/// let predicate = FilterTranslation(request: request, schema: source.schema).predicate()
/// let groups = predicate.map(reader.rowGroupsMatching) ?? Array(0..<reader.rowGroupCount)
/// ```
struct FilterTranslation {
    private let filters: [BoundExpression]
    /// Source column name by plan id.
    private let names: [ColumnID: String]

    init(request: ScanRequest, schema: Schema) {
        var names: [ColumnID: String] = [:]
        for (id, column) in zip(request.columnIDs, request.columns) where schema.fields.indices.contains(column) {
            names[id] = schema.fields[column].name
        }
        self.names = names
        self.filters = request.filters
    }

    /// The conjunction of every filter that translates, or `nil` when none does.
    func predicate() -> ParquetPredicate? {
        let parts = filters.compactMap { translate($0, exact: false) }
        switch parts.count {
        case 0: return nil
        case 1: return parts[0]
        default: return .and(parts)
        }
    }

    /// `expression` as a predicate that holds wherever it is true: weaker when
    /// `exact` is false (parts of an AND may be dropped), equivalent when `exact`.
    private func translate(_ expression: BoundExpression, exact: Bool) -> ParquetPredicate? {
        switch expression {
        case .column(let id, .boolean):
            return names[id].map { .compare(column: $0, .equal, .boolean(true)) }
        case .call("and", let args, _):
            let parts = args.compactMap { translate($0, exact: exact) }
            if parts.isEmpty || (exact && parts.count != args.count) { return nil }
            return parts.count == 1 ? parts[0] : .and(parts)
        case .call("or", let args, _):
            var parts: [ParquetPredicate] = []
            for arg in args {
                guard let part = translate(arg, exact: exact) else { return nil }
                parts.append(part)
            }
            return parts.isEmpty ? nil : .or(parts)
        case .call("not", let args, _):
            guard args.count == 1, let inner = translate(args[0], exact: true) else { return nil }
            return .not(inner)
        case .call("is_null", let args, _):
            guard args.count == 1, let column = column(args[0]) else { return nil }
            return .isNull(column)
        case .call("is_not_null", let args, _):
            guard args.count == 1, let column = column(args[0]) else { return nil }
            return .isNotNull(column)
        case .call("in", let args, _):
            guard args.count >= 2, let column = column(args[0]) else { return nil }
            var parts: [ParquetPredicate] = []
            for candidate in args.dropFirst() {
                guard let value = literal(candidate) else { return nil }
                parts.append(.compare(column: column, .equal, value))
            }
            return parts.count == 1 ? parts[0] : .or(parts)
        case .call(let name, let args, _):
            guard args.count == 2, let op = Self.comparison(name) else { return nil }
            if let column = column(args[0]), let value = literal(args[1]) {
                return .compare(column: column, op, value)
            }
            if let column = column(args[1]), let value = literal(args[0]) {
                return .compare(column: column, Self.flipped(op), value)
            }
            return nil
        default:
            return nil
        }
    }

    /// The source column an expression reads, when it is a column or an
    /// order-preserving cast of one.
    private func column(_ expression: BoundExpression) -> String? {
        switch expression {
        case .column(let id, _): return names[id]
        case .cast(.column(let id, let from), let to, _):
            return Self.preservesOrder(from: from, to: to) ? names[id] : nil
        default: return nil
        }
    }

    /// The value of a literal, or of a cast of one that keeps its value (compared
    /// across types the way the cast would).
    private func literal(_ expression: BoundExpression) -> Value? {
        switch expression {
        case .literal(let value, _): return value
        case .cast(.literal(let value, let from), let to, _):
            if value.isNull { return .null }
            if case .string(let text) = value, from == .string {
                switch to {
                case .string: return value
                case .date: return Temporal.parseDate(Substring(text)).map(Value.date)
                case .timestamp(let unit, let utc):
                    return Temporal.parseTimestamp(Substring(text), unit: unit).map { .timestamp($0, unit, utc: utc) }
                default: return nil
                }
            }
            return Self.preservesOrder(from: from, to: to) ? value : nil
        default: return nil
        }
    }

    private static func comparison(_ name: String) -> ParquetPredicate.ComparisonOperator? {
        switch name {
        case "=": return .equal
        case "<>", "!=": return .notEqual
        case "<": return .less
        case "<=": return .lessOrEqual
        case ">": return .greater
        case ">=": return .greaterOrEqual
        default: return nil
        }
    }

    /// The operator with its operands swapped (`5 < x` is `x > 5`).
    private static func flipped(_ op: ParquetPredicate.ComparisonOperator) -> ParquetPredicate.ComparisonOperator {
        switch op {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        case .equal, .notEqual: return op
        }
    }

    /// Whether casting `from` → `to` maps values one to one and keeps their order, so
    /// that statistics of the uncast column bound the cast values exactly as
    /// ``Value/compare(_:_:)`` compares across the two types.
    static func preservesOrder(from: DataType, to: DataType) -> Bool {
        if from == to { return true }
        switch (from, to) {
        case (.int8, .int16), (.int8, .int32), (.int8, .int64), (.int16, .int32), (.int16, .int64), (.int32, .int64):
            return true
        case (.int8, .float64), (.int16, .float64), (.int32, .float64), (.int64, .float64), (.float32, .float64):
            return true
        case (.int8, .decimal(let p, let s)): return p - s >= 3
        case (.int16, .decimal(let p, let s)): return p - s >= 5
        case (.int32, .decimal(let p, let s)): return p - s >= 10
        case (.int64, .decimal(let p, let s)): return p - s >= 19
        case (.decimal(let p, let s), .decimal(let p2, let s2)): return s2 >= s && p2 - s2 >= p - s
        case (.date, .timestamp): return true
        case (.timestamp(let u, let utc), .timestamp(let v, let utc2)): return utc == utc2 && v.perSecond >= u.perSecond
        case (.string, .string), (.binary, .binary): return true
        default: return false
        }
    }
}
