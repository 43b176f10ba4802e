/// An error from the data model: a value of the wrong type, an overflow, columns
/// that do not form a batch.
public struct CoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case typeMismatch = "type mismatch"
        case overflow
        case invalidBatch = "invalid batch"
        case invalidArgument = "invalid argument"
    }

    public var kind: Kind
    public var message: String
    /// The field or column concerned, when one is.
    public var field: String?

    public init(_ kind: Kind, _ message: String, field: String? = nil) {
        self.kind = kind
        self.message = message
        self.field = field
    }

    public var description: String { "\(kind.rawValue): \(message)" }
}
