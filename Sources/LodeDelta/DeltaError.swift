/// An error from a Delta table: a log that does not parse, a feature Lode lacks,
/// a commit that lost a race, a request that does not fit the table.
public struct DeltaError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// No table (no `_delta_log`) at the location.
        case notATable = "not a Delta table"
        /// A commit or checkpoint that does not parse or contradicts the protocol.
        case corruptLog = "corrupt log"
        /// A reader or writer feature, protocol version or action Lode does not support.
        case unsupportedFeature = "unsupported feature"
        /// A concurrent commit conflicts with this transaction.
        case conflict = "conflict"
        /// Data or options that do not fit the table (schema mismatch, bad partition value).
        case invalidArgument = "invalid argument"
        /// A version or timestamp outside the table's history.
        case versionNotFound = "version not found"
        case io = "I/O error"
    }

    public var kind: Kind
    public var message: String
    /// The table's location.
    public var table: String?
    /// The log version concerned, when one is.
    public var version: Int64?

    public init(_ kind: Kind, _ message: String, table: String? = nil, version: Int64? = nil) {
        self.kind = kind
        self.message = message
        self.table = table
        self.version = version
    }

    public var description: String {
        var where_: [String] = []
        if let table { where_.append(table) }
        if let version { where_.append("version \(version)") }
        return (where_.isEmpty ? "" : where_.joined(separator: ", ") + ": ") + "\(kind.rawValue): \(message)"
    }
}
