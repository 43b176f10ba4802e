/// An error from the engine layer, wrapping errors of the layers below with the
/// context they lacked.
public struct EngineError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case invalidArgument = "invalid argument"
        case io = "I/O error"
        case badData = "bad data"
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
