import ArgumentParser
import Foundation
import LodeCore
import LodePipeline

struct ChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checks",
        abstract: "Show the results of tests and expectations, newest first.",
        discussion: """
        Lists the check results stored by runs: each test or expectation, the model it checked, \
        its severity, whether it passed, warned or failed, and how many rows failed it. Without \
        --run, --model or --all, shows the latest run that ran checks.
        """
    )

    @Option(help: "The project folder (default: the current folder).") var project: String?
    @Option(name: .customLong("run"), help: "Only this run's checks (an id or a unique prefix).") var runID: String?
    @Option(help: "Only this model's checks (layer.name).") var model: String?
    @Flag(help: "Only checks that failed or could not run.") var failed = false
    @Flag(help: "Checks of every run, not only the latest.") var all = false
    @Option(help: "Show at most this many results.") var limit = 200
    @Option(help: "Output format: table or json (one object per line).") var format: HistoryFormat = .table

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1") }
        if all && runID != nil { throw ValidationError("--all and --run exclude each other") }
    }

    func run() throws {
        let catalog = try ProjectCatalog.open(project: project)
        var run = try runID.map { try catalog.run($0) }
        if run == nil, model == nil, !all, let latest = try catalog.store?.checkResults(limit: 1).first {
            run = try catalog.run(latest.runID)
        }
        var records = try catalog.store?.checkResults(runID: run?.id, model: model, failedOnly: failed, limit: limit) ?? []
        if run != nil { records.sort { $0.checkedAt < $1.checkedAt } }
        if format == .json {
            for record in records { print(JSONValue.object(Self.json(record)).serialized()) }
            return
        }
        guard !records.isEmpty else {
            var scope: [String] = []
            if let run { scope.append("in run \(run.id)") }
            if let model { scope.append("for \(model)") }
            print("No \(failed ? "failed " : "")check results\(scope.isEmpty ? "" : " " + scope.joined(separator: " "))"
                  + " in \(catalog.config.lakeRoot).")
            return
        }
        if let run { print("Checks of run \(run.id) (\(run.command), started \(HistoryText.time(run.startedAt)))\n") }
        let color = StandardOutput.usesColor
        let showRun = run == nil
        let rows = records.map { record -> [String] in
            (showRun ? [record.runID] : []) + [record.model, record.name, record.kind, record.severity, record.status,
                                                RunEventText.count(record.failingRows), RunEventText.firstLine(record.message ?? "")]
        }
        let header = (showRun ? ["run"] : []) + ["model", "check", "kind", "severity", "status", "failing rows", "message"]
        var table = alignedTable(header: header, rows: rows, rightAligned: [header.count - 2])
        if color { table = RunEventText.coloringStatuses(in: table, records.map(\.status)) }
        print(table)
        let failures = records.filter(\.isFailure).count
        let warnings = records.filter { $0.status == "warn" }.count
        print("\n\(records.count) check\(records.count == 1 ? "" : "s"): \(records.count - failures - warnings) passed, "
              + "\(warnings) warned, \(failures) failed")
    }

    static func json(_ record: CheckRecord) -> JSONObject {
        var object = JSONObject()
        object.append("run_id", .string(record.runID))
        object.append("model", .string(record.model))
        object.append("name", .string(record.name))
        object.append("kind", .string(record.kind))
        object.append("severity", .string(record.severity))
        object.append("status", .string(record.status))
        object.append("failing_rows", .int(Int64(record.failingRows)))
        object.append("message", record.message.map { .string($0) } ?? .null)
        object.append("checked_at", .string(HistoryText.isoTime(record.checkedAt)))
        return object
    }
}
