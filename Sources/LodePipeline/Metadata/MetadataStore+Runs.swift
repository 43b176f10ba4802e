import Foundation
import GRDB

/// One `lode run`, `lode build` or `lode test`.
public struct RunRecord: Sendable, Equatable {
    public var id: String
    public var command: String
    public var selector: String
    public var startedAt: Double
    public var finishedAt: Double?
    /// `running`, `success`, `warned`, `failed`.
    public var status: String
}

/// What one model did in one run.
public struct ModelRunRecord: Sendable, Equatable {
    public var runID: String
    public var model: String
    /// `success`, `warned`, `failed`, `skipped`, `unchanged`.
    public var status: String
    public var rowsWritten: Int
    public var rowsTotal: Int?
    public var rowsDropped: Int
    public var rowsQuarantined: Int
    public var tableVersion: Int64?
    public var qualityScore: Double?
    public var startedAt: Double
    public var duration: Double
    public var message: String?

    public init(runID: String, model: String, status: String, rowsWritten: Int = 0, rowsTotal: Int? = nil, rowsDropped: Int = 0,
                rowsQuarantined: Int = 0, tableVersion: Int64? = nil, qualityScore: Double? = nil, startedAt: Double,
                duration: Double, message: String? = nil) {
        self.runID = runID
        self.model = model
        self.status = status
        self.rowsWritten = rowsWritten
        self.rowsTotal = rowsTotal
        self.rowsDropped = rowsDropped
        self.rowsQuarantined = rowsQuarantined
        self.tableVersion = tableVersion
        self.qualityScore = qualityScore
        self.startedAt = startedAt
        self.duration = duration
        self.message = message
    }
}

extension MetadataStore {
    /// Starts a run record with a fresh id (`20261125T213000-4f2a`).
    public func beginRun(command: String, selector: String, clock: () -> Date = Date.init) throws -> RunRecord {
        let now = clock()
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let id = formatter.string(from: now) + "-" + String(UInt16.random(in: 0...UInt16.max), radix: 16)
        let run = RunRecord(id: id, command: command, selector: selector, startedAt: now.timeIntervalSince1970, finishedAt: nil,
                            status: "running")
        try write { db in
            try db.execute(sql: "INSERT INTO runs (id, command, selector, started_at, status) VALUES (?, ?, ?, ?, ?)",
                           arguments: [run.id, run.command, run.selector, run.startedAt, run.status])
        }
        return run
    }

    public func finishRun(_ id: String, status: String, at date: Date = Date()) throws {
        try write { db in
            try db.execute(sql: "UPDATE runs SET status = ?, finished_at = ? WHERE id = ?",
                           arguments: [status, date.timeIntervalSince1970, id])
        }
    }

    public func record(_ result: ModelRunRecord) throws {
        try write { db in
            try db.execute(sql: """
                INSERT OR REPLACE INTO model_runs (run_id, model, status, rows_written, rows_total, rows_dropped,
                    rows_quarantined, table_version, quality_score, started_at, duration, message)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [result.runID, result.model, result.status, result.rowsWritten, result.rowsTotal, result.rowsDropped,
                                 result.rowsQuarantined, result.tableVersion, result.qualityScore, result.startedAt,
                                 result.duration, result.message])
        }
    }

    /// The latest runs, newest first.
    public func runs(limit: Int = 20) throws -> [RunRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM runs ORDER BY started_at DESC LIMIT ?", arguments: [limit]).map {
                RunRecord(id: $0["id"], command: $0["command"], selector: $0["selector"], startedAt: $0["started_at"],
                          finishedAt: $0["finished_at"], status: $0["status"])
            }
        }
    }

    /// The model results of one run, in the order they finished.
    public func modelRuns(runID: String) throws -> [ModelRunRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM model_runs WHERE run_id = ? ORDER BY started_at + duration", arguments: [runID])
                .map(Self.modelRun)
        }
    }

    /// Earlier results of `model` that wrote a table, newest first (for volume anomaly checks).
    public func history(of model: String, limit: Int = 30) throws -> [ModelRunRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM model_runs WHERE model = ? AND status IN ('success', 'warned')
                ORDER BY started_at DESC LIMIT ?
                """, arguments: [model, limit]).map(Self.modelRun)
        }
    }

    static func modelRun(_ row: Row) -> ModelRunRecord {
        ModelRunRecord(runID: row["run_id"], model: row["model"], status: row["status"], rowsWritten: row["rows_written"],
                       rowsTotal: row["rows_total"], rowsDropped: row["rows_dropped"], rowsQuarantined: row["rows_quarantined"],
                       tableVersion: row["table_version"], qualityScore: row["quality_score"], startedAt: row["started_at"],
                       duration: row["duration"], message: row["message"])
    }
}
