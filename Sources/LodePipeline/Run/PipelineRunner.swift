import Foundation
import LodeEngine

/// Runs a project: ingests its sources into bronze and builds, checks and publishes the
/// selected models in dependency order — a model starts as soon as what it reads is
/// ready, independent work side by side — recording everything in the lake's catalog
/// under one run id.
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

    /// Runs to the end; source and model failures are in the summary, not thrown (models
    /// reading a failed source or model are skipped). Throws only when the run cannot
    /// start (an unknown selector, an unusable lake or catalog).
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
        let context = ModelRunContext(project: project, options: options, store: store, runID: run.id, reporter: reporter)
        let sources = options.command == .test ? [] : sourcesRead(by: models)
        let outcomes = RunOutcomes()
        RunScheduler(tasks: sources.map(RunTask.source) + models.map(RunTask.model), workers: max(1, options.parallelModels))
            .run { task, upstreamFailed in
                switch task {
                case .source(let source):
                    let outcome = ingest(source, store: store, runID: run.id)
                    outcomes.add(outcome)
                    return outcome.failure != nil
                case .model(let model):
                    let outcome = upstreamFailed.map { failed in
                        ModelOutcome(model: model.tableName, kind: model.kind.name, status: .skipped,
                                     message: "skipped: upstream \(failed) failed")
                    } ?? ModelJob(model: model, context: context).run()
                    context.record(outcome)
                    outcomes.add(outcome)
                    return outcome.status == .failed
                }
            }
        let summary = RunSummary(runID: run.id, command: options.command, sources: outcomes.sources(in: sources),
                                 models: outcomes.models, seconds: options.clock().timeIntervalSince(started))
        try store.finishRun(run.id, status: summary.status, at: options.clock())
        reporter.report(.runFinished(summary))
        return summary
    }

    /// The sources whose bronze tables the models read, directly or through other models
    /// (all sources when every model is selected).
    private func sourcesRead(by models: [ModelDefinition]) -> [SourceConfig] {
        let needed = upstreamTables(of: models)
        let everything = models.count == project.models.count
        return project.config.sources.filter { everything || needed.contains($0.table.lowercased()) }
    }

    /// Loads the new files of one source; a failure is reported in the outcome.
    private func ingest(_ source: SourceConfig, store: MetadataStore, runID: String) -> SourceOutcome {
        reporter.report(.sourceStarted(source: source.name))
        let started = Date()
        var outcome = SourceOutcome(source: source.name, table: source.table, filesLoaded: 0, filesSkipped: 0, rows: 0,
                                    rowsQuarantined: 0, filesRejected: 0, seconds: 0)
        do {
            let result = try SourceIngestion(source: source, projectRoot: project.config.root, lakeRoot: project.config.lakeRoot,
                                             store: store, runID: runID).run()
            outcome.filesLoaded = result.filesLoaded.count
            outcome.filesSkipped = result.filesUnchanged
            outcome.rows = result.rows
            outcome.rowsQuarantined = result.quarantinedRows
            outcome.filesRejected = result.quarantinedFiles.count
        } catch {
            outcome.failure = "\(error)"
        }
        outcome.seconds = Date().timeIntervalSince(started)
        reporter.report(.sourceFinished(outcome))
        return outcome
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

/// The outcomes of a run's tasks, added from the threads they ran on.
final class RunOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var sourceOutcomes: [String: SourceOutcome] = [:]
    private var modelOutcomes: [ModelOutcome] = []

    func add(_ outcome: SourceOutcome) { lock.withLock { sourceOutcomes[outcome.source] = outcome } }
    func add(_ outcome: ModelOutcome) { lock.withLock { modelOutcomes.append(outcome) } }

    /// The sources' outcomes in the order of `sources`.
    func sources(in sources: [SourceConfig]) -> [SourceOutcome] {
        lock.withLock { sources.compactMap { sourceOutcomes[$0.name] } }
    }

    /// The models' outcomes in the order they finished.
    var models: [ModelOutcome] { lock.withLock { modelOutcomes } }
}
