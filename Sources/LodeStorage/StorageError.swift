/// An error from an ``ObjectStore``.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case notFound = "not found"
        case alreadyExists = "already exists"
        case io = "I/O error"
        case invalidPath = "invalid path"
    }

    public var kind: Kind
    public var path: String
    public var message: String

    public init(_ kind: Kind, path: String, _ message: String = "") {
        self.kind = kind
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(kind.rawValue)\(message.isEmpty ? "" : ": " + message)" }
}
