/// The error thrown by the pipeline layer, naming the file, line and key or model at fault.
///
/// Reads like `lode.yml:7:5: unknown key 'formt' in source 'crm'; did you mean 'format'?`.
public struct PipelineError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Equatable, Sendable {
        /// `lode.yml` or a model's `.yml` is invalid.
        case config
        /// A model's SQL file is invalid.
        case model
        /// A source file could not be ingested.
        case source
        /// A run could not proceed.
        case run
    }

    public var kind: Kind
    public var message: String
    public var file: String?
    public var line: Int?
    public var column: Int?

    public init(_ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var location = file ?? ""
        if let line { location += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return location.isEmpty ? message : "\(location): \(message)"
    }
}
