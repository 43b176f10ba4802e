/// One data test on a model's table, from its `.yml` file.
public struct QualityCheck: Sendable, Equatable {
    public enum Severity: String, Sendable {
        /// A failure is reported, the model still publishes.
        case warn
        /// A failure keeps the previous version published and skips everything downstream.
        case error
    }

    public enum Kind: Sendable, Equatable {
        case notNull
        case unique
        case acceptedValues([String])
        /// Every non-null value exists in `table.column`.
        case relationships(table: String, column: String)
        case rowCount(min: Int?, max: Int?)
        /// The share of NULLs (0...1) stays within bounds.
        case nullPercentage(min: Double?, max: Double?)
        /// The newest value of the (timestamp or date) column is at most `maxAgeSeconds` old.
        case freshness(maxAgeSeconds: Double)
        /// The row count stays within `tolerance` (0.5 = ±50%) of the mean of earlier runs.
        case volumeAnomaly(tolerance: Double, minimumRuns: Int)
        /// A query returning failing rows; `{{ this }}` names the model's table.
        case sql(String)

        public var name: String {
            switch self {
            case .notNull: return "not_null"
            case .unique: return "unique"
            case .acceptedValues: return "accepted_values"
            case .relationships: return "relationships"
            case .rowCount: return "row_count"
            case .nullPercentage: return "null_percentage"
            case .freshness: return "freshness"
            case .volumeAnomaly: return "volume_anomaly"
            case .sql: return "sql"
            }
        }
    }

    public var name: String
    public var kind: Kind
    /// The column tested; `nil` for table-level checks.
    public var column: String?
    public var severity: Severity

    public init(name: String? = nil, kind: Kind, column: String? = nil, severity: Severity = .error) {
        self.kind = kind
        self.column = column
        self.severity = severity
        self.name = name ?? ([kind.name] + (column.map { [$0] } ?? [])).joined(separator: "_")
    }
}

/// The outcome of one check.
public struct CheckResult: Sendable, Equatable {
    public enum Status: String, Sendable {
        case pass, warn, fail
        /// The check itself could not run (bad SQL in a custom test).
        case error
    }

    public var check: QualityCheck
    public var status: Status
    public var failingRows: Int
    public var message: String

    public init(check: QualityCheck, status: Status, failingRows: Int, message: String) {
        self.check = check
        self.status = status
        self.failingRows = failingRows
        self.message = message
    }
}
