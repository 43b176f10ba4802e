/// The error thrown while running a plan, by phase of cause.
///
/// Reads like DuckDB's: `conversion error: could not convert string 'abc' to INT`.
public struct ExecutionError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Equatable, Sendable {
        /// A cast that cannot be done: `CAST('abc' AS INT)`, an impossible date.
        case conversion = "conversion error"
        /// A value outside its type: overflow, `DECIMAL(3,2)` too small.
        case outOfRange = "out of range error"
        case divisionByZero = "division by zero"
        /// Bad input to a function: a bad regular expression, a negative `lpad` length,
        /// more than one row from a scalar subquery.
        case invalidInput = "invalid input error"
        /// The memory limit was reached.
        case outOfMemory = "out of memory error"
        /// Reading a source failed.
        case io = "I/O error"
        /// A bug in Lode.
        case `internal` = "internal error"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
