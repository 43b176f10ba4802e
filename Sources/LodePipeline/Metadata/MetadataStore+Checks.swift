import Foundation
import GRDB

/// One stored check result: a test or expectation on one model in one run.
public struct CheckRecord: Sendable, Equatable {
    public var runID: String
    /// `layer.name`.
    public var model: String
    public var name: String
    /// The test kind (`not_null`, `unique`, `row_count`, `sql`, ...).
    public var kind: String
    /// `warn` or `error`.
    public var severity: String
    /// `pass`, `warn`, `fail` or `error`.
    public var status: String
    public var failingRows: Int
    public var message: String?
    /// Seconds since the epoch.
    public var checkedAt: Double

    public init(runID: String, model: String, name: String, kind: String, severity: String, status: String, failingRows: Int,
                message: String?, checkedAt: Double) {
        self.runID = runID
        self.model = model
        self.name = name
        self.kind = kind
        self.severity = severity
        self.status = status
        self.failingRows = failingRows
        self.message = message
        self.checkedAt = checkedAt
    }

    /// Whether the check did not pass: it failed, or could not run.
    public var isFailure: Bool { status == CheckResult.Status.fail.rawValue || status == CheckResult.Status.error.rawValue }
}

extension MetadataStore {
    /// Stores the results of the checks run on `model` in run `runID`.
    ///
    /// ```swift
    /// try store.record(checks: outcome.checks, model: "silver.orders", runID: run.id)
    /// ```
    public func record(checks: [CheckResult], model: String, runID: String, at date: Date = Date()) throws {
        guard !checks.isEmpty else { return }
        try write { db in
            for result in checks {
                try db.execute(sql: """
                    INSERT INTO check_results (run_id, model, name, kind, severity, status, failing_rows, message, checked_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [runID, model, result.check.name, result.check.kind.name, result.check.severity.rawValue,
                                     result.status.rawValue, result.failingRows, result.message.isEmpty ? nil : result.message,
                                     date.timeIntervalSince1970])
            }
        }
    }

    /// Stored check results, newest first, optionally of one run, one model, or only those
    /// that did not pass (`failedOnly`: status `fail` or `error`).
    public func checkResults(runID: String? = nil, model: String? = nil, failedOnly: Bool = false,
                             limit: Int = 200) throws -> [CheckRecord] {
        var conditions: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = []
        if let runID {
            conditions.append("run_id = ?")
            arguments.append(runID)
        }
        if let model {
            conditions.append("model = ?")
            arguments.append(model)
        }
        if failedOnly { conditions.append("status IN ('fail', 'error')") }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments.append(max(0, limit))
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM check_results \(filter) ORDER BY checked_at DESC, rowid LIMIT ?",
                             arguments: StatementArguments(arguments)).map {
                CheckRecord(runID: $0["run_id"], model: $0["model"], name: $0["name"], kind: $0["kind"],
                            severity: $0["severity"], status: $0["status"], failingRows: $0["failing_rows"],
                            message: $0["message"], checkedAt: $0["checked_at"])
            }
        }
    }
}
