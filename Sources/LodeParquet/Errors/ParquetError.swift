/// An error reading or writing a Parquet file. Carries the file, column and row
/// group where they are known, so a message names where the problem is.
public struct ParquetError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// Not a Parquet file: wrong magic, too short.
        case notParquet = "not a Parquet file"
        /// The footer or a page header does not decode or contradicts itself.
        case corruptMetadata = "corrupt metadata"
        /// A page's data does not decode.
        case corruptData = "corrupt data"
        /// Valid Parquet that Lode does not read or write.
        case unsupported
        case invalidArgument = "invalid argument"
        case io = "I/O error"
    }

    public var kind: Kind
    public var message: String
    public var file: String?
    public var column: String?
    public var rowGroup: Int?

    public init(_ kind: Kind, _ message: String, file: String? = nil, column: String? = nil, rowGroup: Int? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.column = column
        self.rowGroup = rowGroup
    }

    /// The same error with context filled in where it is still missing.
    public func with(file: String? = nil, column: String? = nil, rowGroup: Int? = nil) -> ParquetError {
        var copy = self
        copy.file = copy.file ?? file
        copy.column = copy.column ?? column
        copy.rowGroup = copy.rowGroup ?? rowGroup
        return copy
    }

    public var description: String {
        var location: [String] = []
        if let file { location.append(file) }
        if let rowGroup { location.append("row group \(rowGroup)") }
        if let column { location.append("column '\(column)'") }
        let prefix = location.isEmpty ? "" : location.joined(separator: ", ") + ": "
        return "\(prefix)\(kind.rawValue): \(message)"
    }
}
