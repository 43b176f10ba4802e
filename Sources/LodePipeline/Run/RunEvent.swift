import Foundation

/// What a pipeline run reports while it works, in order: the run starts, sources are
/// ingested, each model starts and finishes (or is skipped), checks finish, the run ends.
/// A ``RunReporter`` turns these into a live display or log lines.
public enum RunEvent: Sendable {
    case runStarted(runID: String, command: RunCommand, models: [String])
    case sourceStarted(source: String)
    case sourceFinished(SourceOutcome)
    case modelStarted(model: String)
    /// Rows written so far by a model still running.
    case modelProgress(model: String, rows: Int)
    case modelFinished(ModelOutcome)
    case runFinished(RunSummary)
}

/// Receives the events of a run; called from the threads models run on.
public protocol RunReporter: Sendable {
    func report(_ event: RunEvent)
}

/// Drops every event.
public struct SilentReporter: RunReporter {
    public init() {}
    public func report(_ event: RunEvent) {}
}

/// What to do with the selected models.
public enum RunCommand: String, Sendable {
    /// Ingest sources and materialize models (row expectations apply).
    case run
    /// Run the models' tests against their published tables.
    case test
    /// Ingest, then per model in DAG order: materialize, test the new version before
    /// publishing it (write-audit-publish), publish.
    case build
}
