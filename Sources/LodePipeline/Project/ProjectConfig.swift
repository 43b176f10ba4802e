import LodeCore

/// A project's `lode.yml`: its name, where its lake lives, and the sources it ingests.
///
/// ```yaml
/// name: shop
/// lake: lake
/// sources:
///   crm_contacts:
///     format: csv
///     path: sources/crm/contacts_*.csv
///     contract:
///       columns:
///         contact_id: {type: BIGINT, nullable: false}
///         email: VARCHAR
///       extra_columns: allow
/// ```
public struct ProjectConfig: Sendable {
    public var name: String
    /// The project folder (where `lode.yml` is).
    public var root: String
    /// The lake root, absolute.
    public var lakeRoot: String
    public var sources: [SourceConfig]
    /// Threads for queries (default: all cores).
    public var threads: Int?
    /// Memory limit in bytes for queries.
    public var memoryLimit: Int?

    public init(name: String, root: String, lakeRoot: String, sources: [SourceConfig] = [], threads: Int? = nil,
                memoryLimit: Int? = nil) {
        self.name = name
        self.root = root
        self.lakeRoot = lakeRoot
        self.sources = sources
        self.threads = threads
        self.memoryLimit = memoryLimit
    }
}

/// One ingested source: files matched by a glob, loaded into a bronze table.
public struct SourceConfig: Sendable, Equatable {
    public enum Format: String, Sendable, CaseIterable {
        case csv, ndjson, json, parquet
    }

    public var name: String
    public var format: Format
    /// A glob relative to the project folder (`sources/crm/*.csv`).
    public var path: String
    /// The bronze table it loads into (`bronze.<name>` unless set).
    public var table: String
    /// CSV options: `delimiter`, `header`, `quote`, `null` text.
    public var delimiter: Character?
    public var header: Bool?
    public var nullText: String?
    public var contract: SchemaContract?

    public init(name: String, format: Format, path: String, table: String? = nil, delimiter: Character? = nil,
                header: Bool? = nil, nullText: String? = nil, contract: SchemaContract? = nil) {
        self.name = name
        self.format = format
        self.path = path
        self.table = table ?? "bronze.\(name)"
        self.delimiter = delimiter
        self.header = header
        self.nullText = nullText
        self.contract = contract
    }
}

/// The columns a source promises: names, types and nullability, and what to do with
/// columns it does not list.
public struct SchemaContract: Sendable, Equatable {
    public enum ExtraColumns: String, Sendable {
        /// Keep them.
        case allow
        /// Drop them silently.
        case drop
        /// Reject the file into quarantine.
        case fail
    }

    public struct Column: Sendable, Equatable {
        public var name: String
        /// The SQL type text (`BIGINT`, `DECIMAL(10,2)`).
        public var type: String
        public var nullable: Bool

        public init(name: String, type: String, nullable: Bool = true) {
            self.name = name
            self.type = type
            self.nullable = nullable
        }
    }

    public var columns: [Column]
    public var extraColumns: ExtraColumns

    public init(columns: [Column], extraColumns: ExtraColumns = .allow) {
        self.columns = columns
        self.extraColumns = extraColumns
    }
}
