import Foundation
import LodeEngine

/// Runs a project: ingests its sources into bronze, then builds, checks and publishes the
/// selected models in dependency order, independent ones side by side, recording
/// everything in the lake's catalog under one run id.
///
/// ```swift
/// let project = try Project.load(root: "shop")
/// let summary = try PipelineRunner(project: project, options: RunOptions(command: .build)).run()
/// print(summary.status, summary.checkCounts)
/// ```
///
/// A model that fails (bad SQL, an expectation with `FAIL`, an error-level check) keeps
/// its previous version published, and every model downstream of it is skipped.
public struct PipelineRunner: Sendable {
    public let project: Project
    public let options: RunOptions
    public let reporter: any RunReporter

    public init(project: Project, options: RunOptions, reporter: any RunReporter = SilentReporter()) {
        self.project = project
        self.options = options
        self.reporter = reporter
    }

    /// Runs to the end; model failures are in the summary, not thrown. Throws only when
    /// the run cannot start or continue (an unknown selector, an unusable lake or catalog,
    /// a source that cannot be ingested).
    public func run() throws -> RunSummary {
        let started = options.clock()
        let lakeRoot = project.config.lakeRoot
        try FileManager.default.createDirectory(atPath: lakeRoot, withIntermediateDirectories: true)
        let selected = Set(try ModelSelector.select(options.selectors, from: project.models))
        let models = project.models.filter { selected.contains($0.tableName) }
        if models.isEmpty, !options.selectors.isEmpty {
            throw PipelineError(.run, "no model matches --select \(options.selectors.joined(separator: " "))")
        }
        let store = try MetadataStore(lakeRoot: lakeRoot)
        let run = try store.beginRun(command: options.command.rawValue, selector: options.selectors.joined(separator: " "),
                                     clock: options.clock)
        reporter.report(.runStarted(runID: run.id, command: options.command, models: models.map(\.tableName)))
        do {
            let sources = options.command == .test ? [] : try ingest(for: models, store: store, runID: run.id)
            let context = ModelRunContext(project: project, options: options, store: store, runID: run.id, reporter: reporter)
            let outcomes = ModelScheduler(models: models, workers: max(1, options.parallelModels)).run { model, upstreamFailed in
                let outcome = upstreamFailed.map { failed in
                    ModelOutcome(model: model.tableName, kind: model.kind.name, status: .skipped,
                                 message: "skipped: upstream \(failed) failed")
                } ?? ModelJob(model: model, context: context).run()
                context.record(outcome)
                return outcome
            }
            let summary = RunSummary(runID: run.id, command: options.command, sources: sources, models: outcomes,
                                     seconds: options.clock().timeIntervalSince(started))
            try store.finishRun(run.id, status: summary.status, at: options.clock())
            reporter.report(.runFinished(summary))
            return summary
        } catch {
            try? store.finishRun(run.id, status: "failed", at: options.clock())
            throw error
        }
    }

    /// Loads the new files of every source the selected models read (all sources when
    /// every model is selected), two sources at a time.
    private func ingest(for models: [ModelDefinition], store: MetadataStore, runID: String) throws -> [SourceOutcome] {
        let needed = upstreamTables(of: models)
        let everything = models.count == project.models.count
        let sources = project.config.sources.filter { everything || needed.contains($0.table.lowercased()) }
        let results = ResultSlots<Result<SourceOutcome, Error>>(count: sources.count)
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            let source = sources[index]
            reporter.report(.sourceStarted(source: source.name))
            let started = Date()
            do {
                let ingestion = SourceIngestion(source: source, projectRoot: project.config.root, lakeRoot: project.config.lakeRoot,
                                                store: store, runID: runID)
                let result = try ingestion.run()
                let outcome = SourceOutcome(source: source.name, table: source.table, filesLoaded: result.filesLoaded.count,
                                            filesSkipped: result.filesUnchanged, rows: result.rows,
                                            rowsQuarantined: result.quarantinedRows, filesRejected: result.quarantinedFiles.count,
                                            seconds: Date().timeIntervalSince(started))
                reporter.report(.sourceFinished(outcome))
                results[index] = .success(outcome)
            } catch {
                results[index] = .failure(error)
            }
        }
        return try results.values.map { try $0!.get() }
    }

    /// Every table the models read, directly or through other models of the project.
    private func upstreamTables(of models: [ModelDefinition]) -> Set<String> {
        let byName = Dictionary(project.models.map { ($0.tableName.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<String>()
        var pending = models.flatMap(\.dependencies).map { $0.lowercased() }
        while let table = pending.popLast() {
            guard seen.insert(table).inserted else { continue }
            pending += byName[table]?.dependencies.map { $0.lowercased() } ?? []
        }
        return seen
    }
}

/// Fixed slots written from concurrent work, read after it.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    var values: [Value?] { lock.withLock { slots } }
}
