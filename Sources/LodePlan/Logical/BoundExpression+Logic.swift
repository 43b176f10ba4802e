import LodeCore

extension BoundExpression {
    /// The boolean literal `true`.
    public static let trueLiteral = BoundExpression.literal(.boolean(true), .boolean)
    /// The boolean literal `false`.
    public static let falseLiteral = BoundExpression.literal(.boolean(false), .boolean)

    /// The operands of a chain of `and`s; the expression itself otherwise.
    public var conjuncts: [BoundExpression] {
        if case .call("and", let args, _) = self { return args.flatMap(\.conjuncts) }
        return [self]
    }

    /// The `and` of `parts`, left-deep; `nil` when there are none.
    public static func conjunction(_ parts: [BoundExpression]) -> BoundExpression? {
        guard var result = parts.first else { return nil }
        for part in parts.dropFirst() { result = .call("and", [result, part], .boolean) }
        return result
    }

    /// `left = right`, casting both sides to their common type when they differ.
    static func equality(_ left: BoundExpression, _ right: BoundExpression) -> BoundExpression {
        guard left.type != right.type, let common = TypeCoercion.commonType(left.type, right.type) else {
            return .call("=", [left, right], .boolean)
        }
        let cast = { (e: BoundExpression) in e.type == common ? e : .cast(e, to: common, isTry: false) }
        return .call("=", [cast(left), cast(right)], .boolean)
    }

    /// The two sides of an `=` comparison.
    var equalityOperands: (BoundExpression, BoundExpression)? {
        if case .call("=", let args, _) = self, args.count == 2 { return (args[0], args[1]) }
        return nil
    }

    /// The boolean value of a literal (`nil` for NULL or a non-literal).
    var booleanLiteral: Bool? {
        if case .literal(.boolean(let b), _) = self { return b }
        return nil
    }

    var isNullLiteral: Bool {
        if case .literal(.null, _) = self { return true }
        return false
    }
}
