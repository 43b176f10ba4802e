import ArgumentParser
import Foundation
import LodeCore
import LodePipeline

struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List recent runs, or show what one run did.",
        discussion: """
        Without RUN_ID, lists the latest runs of the project's lake, newest first. With RUN_ID \
        (or a unique prefix of it), shows that run's model results and check counts.
        """
    )

    @Argument(help: "A run id, or a unique prefix of one.") var runID: String?
    @Option(help: "The project folder (default: the current folder).") var project: String?
    @Option(help: "Show at most this many runs.") var limit = 20
    @Option(help: "Output format: table or json (one object per line).") var format: HistoryFormat = .table

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let catalog = try ProjectCatalog.open(project: project)
        if let runID {
            try show(try catalog.run(runID), catalog: catalog)
        } else {
            try list(catalog)
        }
    }

    private func list(_ catalog: ProjectCatalog) throws {
        let runs = try catalog.store?.runs(limit: limit) ?? []
        if runs.isEmpty && format == .table {
            print("No runs yet in \(catalog.config.lakeRoot).")
            return
        }
        let results = try runs.map { try catalog.store?.modelRuns(runID: $0.id) ?? [] }
        if format == .json {
            for (run, models) in zip(runs, results) {
                var object = Self.json(run)
                object.append("models", .object(JSONObject(Self.statusCounts(models).map { ($0.status, .int(Int64($0.count))) })))
                print(JSONValue.object(object).serialized())
            }
            return
        }
        let rows = zip(runs, results).map { run, models -> [String] in
            [run.id, run.command, run.selector.isEmpty ? "-" : run.selector, HistoryText.time(run.startedAt),
             run.finishedAt.map { RunEventText.duration($0 - run.startedAt) } ?? "-", run.status, String(models.count),
             Self.statusCounts(models).map { "\($0.count) \($0.status)" }.joined(separator: ", ")]
        }
        print(alignedTable(header: ["run", "command", "selector", "started", "duration", "status", "models", "results"],
                           rows: rows, rightAligned: [6]))
    }

    private func show(_ run: RunRecord, catalog: ProjectCatalog) throws {
        let models = try catalog.store?.modelRuns(runID: run.id) ?? []
        let checks = try catalog.store?.checkResults(runID: run.id, limit: .max) ?? []
        if format == .json {
            for model in models {
                var object = JSONObject()
                object.append("run_id", .string(model.runID))
                object.append("model", .string(model.model))
                object.append("status", .string(model.status))
                object.append("rows_written", .int(Int64(model.rowsWritten)))
                object.append("rows_total", model.rowsTotal.map { .int(Int64($0)) } ?? .null)
                object.append("rows_dropped", .int(Int64(model.rowsDropped)))
                object.append("rows_quarantined", .int(Int64(model.rowsQuarantined)))
                object.append("table_version", model.tableVersion.map { .int($0) } ?? .null)
                object.append("quality_score", model.qualityScore.map { .double($0) } ?? .null)
                object.append("started_at", .string(HistoryText.isoTime(model.startedAt)))
                object.append("seconds", .double(model.duration))
                let own = checks.filter { $0.model == model.model }
                object.append("checks", ["passed": .int(Int64(own.filter { $0.status == "pass" }.count)),
                                         "warned": .int(Int64(own.filter { $0.status == "warn" }.count)),
                                         "failed": .int(Int64(own.filter(\.isFailure).count))])
                object.append("message", model.message.map { .string($0) } ?? .null)
                print(JSONValue.object(object).serialized())
            }
            return
        }
        print("Run \(run.id): \(run.command)\(run.selector.isEmpty ? "" : " --select \(run.selector)"), "
              + "started \(HistoryText.time(run.startedAt))")
        print("")
        if models.isEmpty { print("No model results recorded.\n") }
        let files = try catalog.store?.ingestedFiles(runID: run.id) ?? []
        let tables = Dictionary(catalog.config.sources.map { ($0.name, $0.table) }, uniquingKeysWith: { first, _ in first })
        print(RunSummaryTable(run: run, files: files, tables: tables, models: models, checks: checks)
            .render(color: StandardOutput.usesColor))
    }

    static func json(_ run: RunRecord) -> JSONObject {
        var object = JSONObject()
        object.append("id", .string(run.id))
        object.append("command", .string(run.command))
        object.append("selector", .string(run.selector))
        object.append("started_at", .string(HistoryText.isoTime(run.startedAt)))
        object.append("finished_at", run.finishedAt.map { .string(HistoryText.isoTime($0)) } ?? .null)
        object.append("seconds", run.finishedAt.map { .double($0 - run.startedAt) } ?? .null)
        object.append("status", .string(run.status))
        return object
    }

    /// Model results counted by status, in a fixed order (`success`, `warned`, `failed`, ...).
    static func statusCounts(_ models: [ModelRunRecord]) -> [(status: String, count: Int)] {
        let order = ["success", "warned", "failed", "skipped", "unchanged", "tested"]
        var counts: [String: Int] = [:]
        for model in models { counts[model.status, default: 0] += 1 }
        let known = order.compactMap { status in counts[status].map { (status, $0) } }
        let other = counts.keys.filter { !order.contains($0) }.sorted().map { ($0, counts[$0] ?? 0) }
        return known + other
    }
}
