import Foundation

/// How one model ended in a run.
public enum ModelStatus: String, Sendable {
    /// Published; every check passed.
    case success
    /// Published; some checks or expectations warned.
    case warned
    /// Not published: the query, an expectation with FAIL, or an error-level check failed.
    case failed
    /// Not run because a model it reads failed.
    case skipped
    /// Nothing new upstream: the published version is still current.
    case unchanged
    /// `lode test` only: checks ran against the published table.
    case tested
}

/// One model's result in a run.
public struct ModelOutcome: Sendable {
    /// `layer.name`.
    public var model: String
    public var kind: String
    public var status: ModelStatus
    /// Rows written by this run (a full model: all rows; incremental: new and changed ones).
    public var rowsWritten: Int
    /// Rows in the published table after the run, when known.
    public var rowsTotal: Int?
    public var rowsDropped: Int
    public var rowsQuarantined: Int
    /// The Delta version published, `nil` when nothing was.
    public var tableVersion: Int64?
    public var checks: [CheckResult]
    /// 0–100: each check and expectation counts 1 when it passes, ½ when it warns, 0 when it fails.
    public var qualityScore: Double?
    public var seconds: Double
    /// Why the model failed or was skipped.
    public var message: String?

    public init(model: String, kind: String, status: ModelStatus, rowsWritten: Int = 0, rowsTotal: Int? = nil,
                rowsDropped: Int = 0, rowsQuarantined: Int = 0, tableVersion: Int64? = nil, checks: [CheckResult] = [],
                qualityScore: Double? = nil, seconds: Double = 0, message: String? = nil) {
        self.model = model
        self.kind = kind
        self.status = status
        self.rowsWritten = rowsWritten
        self.rowsTotal = rowsTotal
        self.rowsDropped = rowsDropped
        self.rowsQuarantined = rowsQuarantined
        self.tableVersion = tableVersion
        self.checks = checks
        self.qualityScore = qualityScore
        self.seconds = seconds
        self.message = message
    }
}

/// One source's ingestion in a run.
public struct SourceOutcome: Sendable {
    public var source: String
    /// The bronze table, `bronze.<name>`.
    public var table: String
    public var filesLoaded: Int
    public var filesSkipped: Int
    public var rows: Int
    public var rowsQuarantined: Int
    public var filesRejected: Int
    public var seconds: Double
    /// Why the source could not be loaded; `nil` when it was.
    public var failure: String?

    public init(source: String, table: String, filesLoaded: Int, filesSkipped: Int, rows: Int, rowsQuarantined: Int,
                filesRejected: Int, seconds: Double, failure: String? = nil) {
        self.source = source
        self.table = table
        self.filesLoaded = filesLoaded
        self.filesSkipped = filesSkipped
        self.rows = rows
        self.rowsQuarantined = rowsQuarantined
        self.filesRejected = filesRejected
        self.seconds = seconds
        self.failure = failure
    }
}

/// Everything a run did.
public struct RunSummary: Sendable {
    public var runID: String
    public var command: RunCommand
    public var sources: [SourceOutcome]
    /// In the order models finished.
    public var models: [ModelOutcome]
    public var seconds: Double

    public init(runID: String, command: RunCommand, sources: [SourceOutcome], models: [ModelOutcome], seconds: Double) {
        self.runID = runID
        self.command = command
        self.sources = sources
        self.models = models
        self.seconds = seconds
    }

    /// Checks (tests and expectations) by status.
    public var checkCounts: (passed: Int, warned: Int, failed: Int) {
        var counts = (passed: 0, warned: 0, failed: 0)
        for check in models.flatMap(\.checks) {
            switch check.status {
            case .pass: counts.passed += 1
            case .warn: counts.warned += 1
            case .fail, .error: counts.failed += 1
            }
        }
        return counts
    }

    /// `failed` when a source or model failed, `warned` when one warned, else `success`.
    public var status: String {
        if models.contains(where: { $0.status == .failed }) || sources.contains(where: { $0.failure != nil }) { return "failed" }
        if models.contains(where: { $0.status == .warned }) || checkCounts.warned > 0 { return "warned" }
        return "success"
    }
}
