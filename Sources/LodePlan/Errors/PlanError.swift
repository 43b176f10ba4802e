import LodeSQL

/// The error thrown while binding, typing or optimizing a statement.
///
/// Its description names the position when one is known:
/// `binder error at line 2, column 8: column "l_quantiy" not found; did you mean "l_quantity"?`.
public struct PlanError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Equatable, Sendable {
        /// An unknown or ambiguous table, column or function name.
        case binding = "binder error"
        /// Types that do not fit: `'a' + 1`, `sum(varchar)`, a non-boolean `WHERE`.
        case type = "type error"
        /// Valid SQL that Lode does not support.
        case notImplemented = "not implemented"
        /// A bug in Lode.
        case `internal` = "internal error"
    }

    public var kind: Kind
    public var message: String
    public var location: SourceLocation?

    public init(_ kind: Kind, _ message: String, at location: SourceLocation? = nil) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    public var description: String {
        guard let location else { return "\(kind.rawValue): \(message)" }
        return "\(kind.rawValue) at \(location): \(message)"
    }
}
