/// `commitInfo`: free-form provenance of a commit. Lode reads the common fields and
/// keeps every other field's raw JSON text so nothing a writer recorded is lost.
public struct CommitInfo: Hashable, Sendable {
    /// Milliseconds since the epoch.
    public var timestamp: Int64?
    /// `WRITE`, `CREATE TABLE`, `DELETE`, `OPTIMIZE`, `VACUUM START`, …
    public var operation: String?
    /// Parameters of the operation, values as JSON text (`"\"Append\""`, `"[]"`).
    public var operationParameters: [String: String]?
    /// Metrics of the operation, values as text (`numFiles`, `numOutputRows`, …).
    public var operationMetrics: [String: String]?
    /// E.g. `Lode/0.1.0`, `Apache-Spark/3.5.0 Delta-Lake/3.1.0`, `delta-rs.0.17.0`.
    public var engineInfo: String?
    public var clientVersion: String?
    public var readVersion: Int64?
    public var isolationLevel: String?
    public var isBlindAppend: Bool?
    public var inCommitTimestamp: Int64?
    public var txnId: String?
    /// Every other field as raw JSON text, by key.
    public var other: [String: String]

    public init(timestamp: Int64? = nil, operation: String? = nil, operationParameters: [String: String]? = nil,
                operationMetrics: [String: String]? = nil, engineInfo: String? = nil, clientVersion: String? = nil,
                readVersion: Int64? = nil, isolationLevel: String? = nil, isBlindAppend: Bool? = nil,
                inCommitTimestamp: Int64? = nil, txnId: String? = nil, other: [String: String] = [:]) {
        self.timestamp = timestamp
        self.operation = operation
        self.operationParameters = operationParameters
        self.operationMetrics = operationMetrics
        self.engineInfo = engineInfo
        self.clientVersion = clientVersion
        self.readVersion = readVersion
        self.isolationLevel = isolationLevel
        self.isBlindAppend = isBlindAppend
        self.inCommitTimestamp = inCommitTimestamp
        self.txnId = txnId
        self.other = other
    }
}
