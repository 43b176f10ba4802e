import LodeCore
import LodeStorage

/// The state of a Delta table at one version: protocol, metadata, schema, the active
/// data files, tombstones, application transactions and domain metadata.
///
/// ```swift
/// let table = DeltaTable(path: "/lake/silver/orders")
/// let snapshot = try table.snapshot()
/// print(snapshot.version, snapshot.schema, snapshot.files.count)
/// var scan = try snapshot.scan(columns: ["id", "amount"], predicate: .compare(column: "day", .equal, .date(19_700)))
/// while let batch = try scan.next() { … }
/// ```
///
/// A snapshot is an immutable value; it keeps the store so that it can read the
/// table's data files (``scan(columns:predicate:)``).
public struct Snapshot: Sendable {
    /// The version this snapshot shows.
    public let version: Int64
    /// When `version` was committed, milliseconds since the epoch: the commit's
    /// `inCommitTimestamp` when In-Commit Timestamps are on, else the commit file's
    /// modification time (as Spark does).
    public let timestamp: Int64
    public let `protocol`: ProtocolAction
    public let metadata: MetadataAction
    /// The table schema (``metadata``'s `schemaString`), partition columns included.
    public let schema: Schema
    /// The active data files, in the order they were first added.
    public let files: [AddFile]
    /// Files removed and not added again, with their deletion timestamps (vacuum
    /// deletes those older than the retention period), sorted by path.
    public let tombstones: [RemoveFile]
    /// The newest `txn` of every application, by `appId`.
    public let transactions: [String: SetTransaction]
    /// The domain metadata in force, by domain.
    public let domainMetadata: [String: DomainMetadata]
    /// Where the table's files are in ``store``.
    public let paths: DeltaLogPaths
    public let store: any ObjectStore

    /// The partition columns, in the order of the table's `partitionColumns`.
    public var partitionColumns: [String] { metadata.partitionColumns }
    /// The table properties (`metaData.configuration`), e.g. `delta.appendOnly`.
    public var properties: [String: String] { metadata.configuration }
    /// The last committed batch version of every application, by `appId`.
    public var appTransactions: [String: Int64] { transactions.mapValues(\.version) }
    /// Total bytes of the active files.
    public var sizeInBytes: Int64 { files.reduce(0) { $0 + $1.size } }

    /// A snapshot from replayed state; checks that Lode can read it.
    init(replay: LogReplay, version: Int64, timestamp: Int64, paths: DeltaLogPaths, store: any ObjectStore) throws {
        guard let protocolAction = replay.protocol else {
            throw DeltaError(.corruptLog, "no protocol action up to this version", table: paths.displayName, version: version)
        }
        guard let metadata = replay.metadata else {
            throw DeltaError(.corruptLog, "no metaData action up to this version", table: paths.displayName, version: version)
        }
        do {
            try protocolAction.checkReadSupported(metadata: metadata)
            self.schema = try Schema(deltaSchemaString: metadata.schemaString)
        } catch var error as DeltaError {
            error.table = paths.displayName
            error.version = version
            throw error
        }
        let files = replay.files
        if let file = files.first(where: \.hasDeletionVector) {
            throw DeltaError(.unsupportedFeature,
                             "file \(file.path) has a deletion vector: the table needs reader feature 'deletionVectors', which Lode does not support",
                             table: paths.displayName, version: version)
        }
        self.version = version
        self.timestamp = timestamp
        self.protocol = protocolAction
        self.metadata = metadata
        self.files = files
        self.tombstones = replay.tombstones
        self.transactions = replay.transactions
        self.domainMetadata = replay.domains
        self.paths = paths
        self.store = store
    }

    /// The snapshot after a commit of `actions` at `version` (normally `self.version + 1`),
    /// without reading the log again: what a writer holds after committing.
    public func applying(_ actions: [DeltaAction], version: Int64, timestamp: Int64) throws -> Snapshot {
        var replay = LogReplay(self)
        for action in actions { replay.apply(action) }
        return try Snapshot(replay: replay, version: version, timestamp: timestamp, paths: paths, store: store)
    }
}
