/// A constant written in SQL.
///
/// Numbers keep their source text so that `0.06` stays an exact decimal: the binder decides
/// the precision and scale.
public enum Literal: Hashable, Sendable, CustomStringConvertible {
    /// Digits only: `42`.
    case integer(String)
    /// Digits with a point and no exponent: `0.06`; exact.
    case decimal(String)
    /// A number with an exponent: `1.5e3`; approximate.
    case float(String)
    /// A string, unescaped.
    case string(String)
    case boolean(Bool)
    case null
    /// A type name followed by a string: `DATE '1998-12-01'`, `TIMESTAMP '2024-01-01 10:00'`.
    case typed(DataTypeName, String)
    /// `INTERVAL '3' DAY` (value `"3"`, unit `"day"`) or `INTERVAL '3 days'` (unit `nil`).
    case interval(String, unit: String?)

    public var description: String { sql }
}
