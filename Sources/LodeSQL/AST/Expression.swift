/// A scalar SQL expression.
///
/// Parentheses are not kept: `(a + b) * c` is `.binary(.binary(a, .plus, b), .multiply, c)`.
public indirect enum Expression: Hashable, Sendable, CustomStringConvertible {
    case literal(Literal)
    /// A possibly qualified column reference: `l_quantity`, `l.l_quantity`.
    case column(QualifiedName)
    /// `*` or `t.*`, in select lists and `count(*)`.
    case star(qualifier: QualifiedName?)
    /// `$1` or `?`.
    case parameter(String)
    case unary(UnaryOperator, Expression)
    case binary(Expression, BinaryOperator, Expression)
    /// `x IS [NOT] NULL`.
    case isNull(Expression, negated: Bool)
    /// `x IS [NOT] TRUE` / `x IS [NOT] FALSE`.
    case isBoolean(Expression, Bool, negated: Bool)
    /// `a IS [NOT] DISTINCT FROM b`.
    case isDistinctFrom(Expression, Expression, negated: Bool)
    /// `x [NOT] IN (a, b, c)`.
    case inList(Expression, [Expression], negated: Bool)
    /// `x [NOT] IN (SELECT ...)`.
    case inSubquery(Expression, Query, negated: Bool)
    /// `[NOT] EXISTS (SELECT ...)`.
    case exists(Query, negated: Bool)
    /// `(SELECT ...)` used as a value.
    case subquery(Query)
    /// `x [NOT] BETWEEN low AND high`.
    case between(Expression, low: Expression, high: Expression, negated: Bool)
    /// `x [NOT] LIKE pattern [ESCAPE e]`, or `ILIKE` when `caseInsensitive`.
    case like(Expression, pattern: Expression, escape: Expression?, caseInsensitive: Bool, negated: Bool)
    /// `CASE [operand] WHEN ... THEN ... [ELSE ...] END`.
    case caseWhen(operand: Expression?, branches: [WhenBranch], otherwise: Expression?)
    /// `CAST(x AS t)`, `TRY_CAST(x AS t)` or `x::t`.
    case cast(Expression, DataTypeName, style: CastStyle)
    case function(FunctionCall)
    /// `EXTRACT(field FROM x)`; the field is lower-cased (`year`, `month`, ...).
    case extract(field: String, Expression)
    /// `SUBSTRING(x FROM start FOR length)`; the comma form is a plain function call.
    case substring(Expression, from: Expression?, for: Expression?)
    /// `[a, b, c]`: a list value.
    case list([Expression])

    public var description: String { sql }
}

/// One `WHEN condition THEN result` arm of a `CASE`.
public struct WhenBranch: Hashable, Sendable {
    public var condition: Expression
    public var result: Expression

    public init(condition: Expression, result: Expression) {
        self.condition = condition
        self.result = result
    }
}

/// How a cast was written; `tryCast` yields NULL instead of failing.
public enum CastStyle: Hashable, Sendable {
    case cast
    case tryCast
    case doubleColon
}

/// A prefix operator.
public enum UnaryOperator: String, Hashable, Sendable {
    case not = "NOT"
    case minus = "-"
    case plus = "+"
}

/// An infix operator, from loosest to tightest binding.
public enum BinaryOperator: String, Hashable, Sendable {
    case or = "OR"
    case and = "AND"
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case concat = "||"
    case plus = "+"
    case minus = "-"
    case multiply = "*"
    case divide = "/"
    case integerDivide = "//"
    case modulo = "%"

    /// Binding strength; higher binds tighter.
    public var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return 4
        case .concat: return 5
        case .plus, .minus: return 6
        case .multiply, .divide, .integerDivide, .modulo: return 7
        }
    }
}
