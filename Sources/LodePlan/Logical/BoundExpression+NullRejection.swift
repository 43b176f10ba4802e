import LodeCore

extension BoundExpression {
    /// Whether the expression is never true when every column in `columns` is NULL:
    /// a comparison, `LIKE` or `IS NOT NULL` over NULL-propagating arithmetic and casts
    /// that reads one of them, or an `AND` with such a conjunct.
    ///
    /// A filter with such a conjunct above an outer join drops the rows the join padded
    /// with NULLs, so the join can be inner on that side.
    func rejectsNulls(of columns: Set<ColumnID>) -> Bool {
        switch self {
        case .call("and", let args, _): return args.contains { $0.rejectsNulls(of: columns) }
        case .call("or", let args, _): return !args.isEmpty && args.allSatisfy { $0.rejectsNulls(of: columns) }
        case .call(let name, let args, _) where BoundExpression.nullRejectingPredicates.contains(name):
            return args.contains { $0.isNullWhenNull(columns) }
        default: return false
        }
    }

    /// Whether the value is NULL whenever the columns in `columns` are all NULL.
    func isNullWhenNull(_ columns: Set<ColumnID>) -> Bool {
        switch self {
        case .column(let id, _): return columns.contains(id)
        case .cast(let inner, _, _): return inner.isNullWhenNull(columns)
        case .call(let name, let args, _) where BoundExpression.nullPropagatingFunctions.contains(name):
            return args.contains { $0.isNullWhenNull(columns) }
        default: return false
        }
    }

    static let nullRejectingPredicates: Set<String> = ["=", "<>", "<", "<=", ">", ">=", "like", "ilike", "is_not_null"]
    static let nullPropagatingFunctions: Set<String> = ["+", "-", "*", "/", "//", "%", "negate", "add_interval", "||"]
}
