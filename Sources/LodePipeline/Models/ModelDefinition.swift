import LodeSQL

/// One model: a SELECT in `models/<layer>/<name>.sql` with its `MODEL (...)` settings and
/// `EXPECT` rules.
public struct ModelDefinition: Sendable {
    /// `silver`, `gold`, ... (the folder under `models/`).
    public var layer: String
    public var name: String
    /// The file it was read from.
    public var file: String
    public var kind: MaterializationKind
    public var tags: [String]
    public var partitionedBy: [String]
    public var grain: [String]
    public var cron: String?
    public var description: String?
    public var expectations: [Expectation]
    /// The SQL of the query, as written (without the MODEL block and expectations).
    public var sql: String
    public var query: Query
    /// Tables the query reads, as `layer.table`, sorted.
    public var dependencies: [String]
    /// Upstream tables an incremental run reads only the rows added since this model's
    /// last run from (`new_rows_from`); `nil` leaves the kind's default.
    public var newRowsFrom: [String]?
    /// The model's `.yml` next to its `.sql` (column docs, tags and tests), when it has one.
    public var spec: ModelSpec? = nil

    /// Other tables the model's tests read (`relationships` targets): a build tests the
    /// model after they are built, though it does not read them.
    public var checkDependencies: [String] {
        let tables = (spec?.checks ?? []).compactMap { check -> String? in
            if case .relationships(let table, _) = check.kind, table.lowercased() != tableName.lowercased() { return table }
            return nil
        }
        return Array(Set(tables)).sorted()
    }

    /// The upstream tables an incremental run reads only new rows of: `new_rows_from` when
    /// set, else every dependency for `append` models and none for the others (merges and
    /// SCD type 2 read their inputs whole, which is always correct, if slower).
    public var incrementalInputs: [String] {
        if let newRowsFrom { return newRowsFrom }
        return kind == .append ? dependencies : []
    }

    /// `layer.name`, the table the model writes.
    public var tableName: String { "\(layer).\(name)" }
}

/// How a model's results are stored.
public enum MaterializationKind: Sendable, Equatable {
    /// Rebuilt completely on every run.
    case full
    /// Not stored: a query other models and users read through.
    case view
    /// New rows appended on each run (the query sees only new upstream rows).
    case append
    /// New and changed rows merged into the table by `uniqueKey`.
    case incrementalByUniqueKey(uniqueKey: [String])
    /// Rows whose `timeColumn` falls in the processed interval replaced, reaching back
    /// `lookback` intervals for late data.
    case incrementalByTimeRange(timeColumn: String, lookback: Int)
    /// Slowly changing dimension type 2 keyed by `uniqueKey`: a change is detected by a newer
    /// `updatedAt` or, when that is `nil`, by a hash of `columns` (all non-key columns when empty).
    case scdType2(uniqueKey: [String], updatedAt: String?, columns: [String])

    public var name: String {
        switch self {
        case .full: return "full"
        case .view: return "view"
        case .append: return "append"
        case .incrementalByUniqueKey: return "incremental_by_unique_key"
        case .incrementalByTimeRange: return "incremental_by_time_range"
        case .scdType2: return "scd_type_2"
        }
    }
}

/// `EXPECT [name] (condition) ON VIOLATION WARN | DROP ROW | QUARANTINE | FAIL`.
public struct Expectation: Sendable, Equatable {
    public enum Action: String, Sendable {
        /// Keep the row, count it.
        case warn
        /// Leave the row out.
        case dropRow = "drop row"
        /// Leave the row out and keep it in `<table>__quarantine` with the rule that failed.
        case quarantine
        /// Fail the model: nothing is published.
        case fail
    }

    public var name: String
    /// The condition's SQL text; a row passes when it is TRUE.
    public var condition: String
    public var expression: Expression
    public var action: Action
    /// The line of the file the rule is on.
    public var line: Int
}
