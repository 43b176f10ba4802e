/// One line of a Delta log commit file (`_delta_log/%020d.json`) or one row of a
/// checkpoint: see PROTOCOL.md §Actions.
public enum DeltaAction: Hashable, Sendable {
    case `protocol`(ProtocolAction)
    case metadata(MetadataAction)
    case add(AddFile)
    case remove(RemoveFile)
    case cdc(AddCDCFile)
    case txn(SetTransaction)
    case commitInfo(CommitInfo)
    case domainMetadata(DomainMetadata)
    /// An action this version of Lode does not know, kept by its key so a reader can
    /// decide whether ignoring it is safe.
    case unknown(key: String)
}

/// `protocol`: the reader and writer versions, and with (3, 7) the table features.
public struct ProtocolAction: Hashable, Sendable {
    public var minReaderVersion: Int
    public var minWriterVersion: Int
    /// Present only when `minReaderVersion == 3`.
    public var readerFeatures: [String]?
    /// Present only when `minWriterVersion == 7`.
    public var writerFeatures: [String]?

    public init(minReaderVersion: Int = 1, minWriterVersion: Int = 2,
                readerFeatures: [String]? = nil, writerFeatures: [String]? = nil) {
        self.minReaderVersion = minReaderVersion
        self.minWriterVersion = minWriterVersion
        self.readerFeatures = readerFeatures
        self.writerFeatures = writerFeatures
    }
}

/// `metaData`: the table's identity, schema, partitioning and configuration.
public struct MetadataAction: Hashable, Sendable {
    public var id: String
    public var name: String?
    public var description: String?
    /// `format.provider`, always `parquet`.
    public var formatProvider: String = "parquet"
    public var formatOptions: [String: String] = [:]
    /// The table schema as Spark's JSON struct type.
    public var schemaString: String
    public var partitionColumns: [String]
    public var configuration: [String: String]
    /// Milliseconds since the epoch.
    public var createdTime: Int64?

    public init(id: String, name: String? = nil, description: String? = nil, schemaString: String,
                partitionColumns: [String] = [], configuration: [String: String] = [:], createdTime: Int64? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.schemaString = schemaString
        self.partitionColumns = partitionColumns
        self.configuration = configuration
        self.createdTime = createdTime
    }
}

/// `add`: a data file that is part of the table from this version on.
public struct AddFile: Hashable, Sendable {
    /// Relative to the table root and URI-encoded (RFC 2396), or an absolute URI.
    public var path: String
    /// Every partition column's value as text; `nil` for null.
    public var partitionValues: [String: String?]
    public var size: Int64
    /// Milliseconds since the epoch.
    public var modificationTime: Int64
    public var dataChange: Bool
    /// Per-file statistics as a JSON string (see ``FileStatistics``).
    public var stats: String?
    public var tags: [String: String]?
    /// Set when the file has a deletion vector; Lode refuses such tables.
    public var hasDeletionVector: Bool = false
    public var baseRowId: Int64?
    public var defaultRowCommitVersion: Int64?
    public var clusteringProvider: String?

    public init(path: String, partitionValues: [String: String?], size: Int64, modificationTime: Int64,
                dataChange: Bool, stats: String? = nil, tags: [String: String]? = nil) {
        self.path = path
        self.partitionValues = partitionValues
        self.size = size
        self.modificationTime = modificationTime
        self.dataChange = dataChange
        self.stats = stats
        self.tags = tags
    }
}

/// `remove`: a file that stops being part of the table (a tombstone until vacuumed).
public struct RemoveFile: Hashable, Sendable {
    /// Byte for byte the `path` of the add it removes.
    public var path: String
    /// Milliseconds since the epoch.
    public var deletionTimestamp: Int64?
    public var dataChange: Bool
    public var extendedFileMetadata: Bool?
    public var partitionValues: [String: String?]?
    public var size: Int64?
    public var stats: String?
    public var tags: [String: String]?
    public var hasDeletionVector: Bool = false

    public init(path: String, deletionTimestamp: Int64?, dataChange: Bool, extendedFileMetadata: Bool? = nil,
                partitionValues: [String: String?]? = nil, size: Int64? = nil, stats: String? = nil) {
        self.path = path
        self.deletionTimestamp = deletionTimestamp
        self.dataChange = dataChange
        self.extendedFileMetadata = extendedFileMetadata
        self.partitionValues = partitionValues
        self.size = size
        self.stats = stats
    }
}

/// `cdc`: a change data file (change data feed); not part of the table's data.
public struct AddCDCFile: Hashable, Sendable {
    public var path: String
    public var partitionValues: [String: String?]
    public var size: Int64
    public var dataChange: Bool
    public var tags: [String: String]?

    public init(path: String, partitionValues: [String: String?], size: Int64, dataChange: Bool = false,
                tags: [String: String]? = nil) {
        self.path = path
        self.partitionValues = partitionValues
        self.size = size
        self.dataChange = dataChange
        self.tags = tags
    }
}

/// `txn`: the last batch `version` an application (`appId`) committed, for
/// idempotent writes.
public struct SetTransaction: Hashable, Sendable {
    public var appId: String
    public var version: Int64
    /// Milliseconds since the epoch.
    public var lastUpdated: Int64?

    public init(appId: String, version: Int64, lastUpdated: Int64? = nil) {
        self.appId = appId
        self.version = version
        self.lastUpdated = lastUpdated
    }
}

/// `domainMetadata`: configuration of a named metadata domain.
public struct DomainMetadata: Hashable, Sendable {
    public var domain: String
    public var configuration: String
    public var removed: Bool

    public init(domain: String, configuration: String, removed: Bool) {
        self.domain = domain
        self.configuration = configuration
        self.removed = removed
    }
}
