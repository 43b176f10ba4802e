import Foundation
import LodeEngine

/// What every model of one run shares: the project, the options, the lake's catalog.
struct ModelRunContext: Sendable {
    let project: Project
    let options: RunOptions
    let store: MetadataStore
    let runID: String
    let reporter: any RunReporter

    var lakeRoot: String { project.config.lakeRoot }

    /// A session over the lake for one model.
    func makeSession() throws -> Session {
        var sessionOptions = SessionOptions()
        if let threads = options.threads ?? project.config.threads { sessionOptions.threads = max(1, threads) }
        if let limit = project.config.memoryLimit { sessionOptions.memoryLimit = limit }
        return try Session(lakeRoot: lakeRoot, options: sessionOptions)
    }

    /// The folder of the lake table `layer.name`.
    func tablePath(_ table: String) -> String {
        lakeRoot + "/" + table.split(separator: ".").joined(separator: "/")
    }

    /// Stores the table- and column-level lineage of a model just published.
    func recordLineage(of model: ModelDefinition) {
        try? store.recordLineage(of: model, catalog: LakeCatalog(lakeRoot: lakeRoot), runID: runID)
    }

    /// Stores a finished model's result and its checks, and tells the reporter.
    func record(_ outcome: ModelOutcome) {
        let record = ModelRunRecord(runID: runID, model: outcome.model, status: outcome.status.rawValue,
                                    rowsWritten: outcome.rowsWritten, rowsTotal: outcome.rowsTotal,
                                    rowsDropped: outcome.rowsDropped, rowsQuarantined: outcome.rowsQuarantined,
                                    tableVersion: outcome.tableVersion, qualityScore: outcome.qualityScore,
                                    startedAt: options.clock().timeIntervalSince1970 - outcome.seconds,
                                    duration: outcome.seconds, message: outcome.message)
        try? store.record(record)
        try? store.record(checks: outcome.checks, model: outcome.model, runID: runID, at: options.clock())
        reporter.report(.modelFinished(outcome))
    }
}
