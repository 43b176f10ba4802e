import Foundation
import LodePipeline

/// The end-of-run summary: one row per source and per model, then the totals.
///
/// ```
/// source         files  unchanged  rows    quarantined  seconds
/// bronze.orders      1          0  5,000             3      0.2
///
/// model                status   kind  written  total  dropped  quarantined  passed  warned  failed  score  seconds
/// silver.orders        success  full    4,997  4,997        0            3       4       0       0  100.0      0.3
///
/// Run 20261125T213000-4f2a (build) warned in 1.2 s
///   tables  3 (1 source, 2 models)
///   rows    9,994 written
///   checks  8 passed, 1 warned, 0 failed
/// ```
struct RunSummaryTable {
    struct SourceRow {
        var table: String
        var filesLoaded: Int
        /// `nil` when not known (a stored run).
        var filesSkipped: Int?
        var filesRejected: Int?
        var rows: Int
        var quarantined: Int
        var seconds: Double?
        /// Why the source could not be loaded.
        var failure: String? = nil
    }

    struct ModelRow {
        var model: String
        var status: String
        var kind: String
        var rowsWritten: Int
        var rowsTotal: Int?
        var dropped: Int
        var quarantined: Int
        var passed: Int
        var warned: Int
        var failed: Int
        var qualityScore: Double?
        var seconds: Double
        var message: String?
    }

    var runID: String
    var command: String
    var status: String
    var seconds: Double?
    var sources: [SourceRow]
    var models: [ModelRow]

    init(runID: String, command: String, status: String, seconds: Double?, sources: [SourceRow], models: [ModelRow]) {
        self.runID = runID
        self.command = command
        self.status = status
        self.seconds = seconds
        self.sources = sources
        self.models = models
    }

    /// The summary of a run that just ended.
    init(summary: RunSummary) {
        let sources = summary.sources.map {
            SourceRow(table: $0.table, filesLoaded: $0.filesLoaded, filesSkipped: $0.filesSkipped, filesRejected: $0.filesRejected,
                      rows: $0.rows, quarantined: $0.rowsQuarantined, seconds: $0.seconds, failure: $0.failure)
        }
        let models = summary.models.map { outcome -> ModelRow in
            let statuses = outcome.checks.map(\.status)
            return ModelRow(model: outcome.model, status: outcome.status.rawValue, kind: outcome.kind, rowsWritten: outcome.rowsWritten,
                            rowsTotal: outcome.rowsTotal, dropped: outcome.rowsDropped, quarantined: outcome.rowsQuarantined,
                            passed: statuses.filter { $0 == .pass }.count, warned: statuses.filter { $0 == .warn }.count,
                            failed: statuses.filter { $0 == .fail || $0 == .error }.count, qualityScore: outcome.qualityScore,
                            seconds: outcome.seconds, message: outcome.message)
        }
        self.init(runID: summary.runID, command: summary.command.rawValue, status: summary.status, seconds: summary.seconds,
                  sources: sources, models: models)
    }

    /// The summary of a stored run: the files it ingested into each source's `table`, its
    /// model results and check results.
    init(run: RunRecord, files: [IngestedFile], tables: [String: String] = [:], models: [ModelRunRecord], checks: [CheckRecord]) {
        var sources: [SourceRow] = []
        for file in files {
            if sources.last?.table != tables[file.source, default: "bronze.\(file.source)"] {
                sources.append(SourceRow(table: tables[file.source, default: "bronze.\(file.source)"], filesLoaded: 0, filesSkipped: nil,
                                         filesRejected: nil, rows: 0, quarantined: 0, seconds: nil))
            }
            sources[sources.count - 1].filesLoaded += 1
            sources[sources.count - 1].rows += file.rows
            sources[sources.count - 1].quarantined += file.badRows
        }
        let rows = models.map { record -> ModelRow in
            let own = checks.filter { $0.model == record.model }
            return ModelRow(model: record.model, status: record.status, kind: "", rowsWritten: record.rowsWritten,
                            rowsTotal: record.rowsTotal, dropped: record.rowsDropped, quarantined: record.rowsQuarantined,
                            passed: own.filter { $0.status == "pass" }.count, warned: own.filter { $0.status == "warn" }.count,
                            failed: own.filter(\.isFailure).count, qualityScore: record.qualityScore, seconds: record.duration,
                            message: record.message)
        }
        self.init(runID: run.id, command: run.command, status: run.status,
                  seconds: run.finishedAt.map { $0 - run.startedAt }, sources: sources, models: rows)
    }

    /// The summary as text; `color` colors the statuses.
    func render(color: Bool = false) -> String {
        var blocks: [String] = []
        if !sources.isEmpty {
            blocks.append(alignedTable(
                header: ["source", "files", "unchanged", "rejected", "rows", "quarantined", "seconds"],
                rows: sources.map {
                    [$0.table, RunEventText.count($0.filesLoaded), $0.filesSkipped.map(RunEventText.count) ?? "-",
                     $0.filesRejected.map(RunEventText.count) ?? "-", RunEventText.count($0.rows), RunEventText.count($0.quarantined),
                     $0.seconds.map { String(format: "%.1f", $0) } ?? "-"]
                }, rightAligned: [1, 2, 3, 4, 5, 6]))
            let failures = sources.compactMap { row in row.failure.map { "\(row.table) failed: \(RunEventText.firstLine($0))" } }
            if !failures.isEmpty { blocks.append(failures.joined(separator: "\n")) }
        }
        if !models.isEmpty {
            let showKind = models.contains { !$0.kind.isEmpty }
            var header = ["model", "status"] + (showKind ? ["kind"] : [])
            header += ["written", "total", "dropped", "quarantined", "passed", "warned", "failed", "score", "seconds"]
            let rows = models.map { row -> [String] in
                var cells = [row.model, row.status] + (showKind ? [row.kind] : [])
                cells += [RunEventText.count(row.rowsWritten), row.rowsTotal.map(RunEventText.count) ?? "-",
                          RunEventText.count(row.dropped), RunEventText.count(row.quarantined), String(row.passed),
                          String(row.warned), String(row.failed), row.qualityScore.map { String(format: "%.1f", $0) } ?? "-",
                          String(format: "%.1f", row.seconds)]
                return cells
            }
            let first = showKind ? 3 : 2
            var table = alignedTable(header: header, rows: rows, rightAligned: Set(first..<header.count))
            if color { table = RunEventText.coloringStatuses(in: table, models.map(\.status)) }
            blocks.append(table)
            let notes = models.compactMap { row -> String? in
                guard let message = row.message, !message.isEmpty, row.status == "failed" || row.status == "skipped" else { return nil }
                return "\(row.model) \(row.status): \(RunEventText.firstLine(message))"
            }
            if !notes.isEmpty { blocks.append(notes.joined(separator: "\n")) }
        }
        blocks.append(totals(color: color))
        return blocks.joined(separator: "\n\n")
    }

    /// The totals: tables, rows, checks, time and run id.
    func totals(color: Bool = false) -> String {
        let published = models.filter { ["success", "warned", "unchanged", "tested"].contains($0.status) }.count
        let failed = models.filter { $0.status == "failed" }.count + sources.filter { $0.failure != nil }.count
        let skipped = models.filter { $0.status == "skipped" }.count
        var tableNotes = ["\(sources.count) source\(sources.count == 1 ? "" : "s")", "\(published) model\(published == 1 ? "" : "s")"]
        if failed > 0 { tableNotes.append("\(failed) failed") }
        if skipped > 0 { tableNotes.append("\(skipped) skipped") }
        let rows = sources.map(\.rows).reduce(0, +) + models.map(\.rowsWritten).reduce(0, +)
        let passed = models.map(\.passed).reduce(0, +)
        let warned = models.map(\.warned).reduce(0, +)
        let failedChecks = models.map(\.failed).reduce(0, +)
        let time = seconds.map { " in " + RunEventText.duration($0) } ?? ""
        return """
            Run \(runID) (\(command)) \(RunEventText.status(status, color: color))\(time)
              tables  \(RunEventText.count(sources.count + published)) (\(tableNotes.joined(separator: ", ")))
              rows    \(RunEventText.count(rows)) written
              checks  \(passed) passed, \(warned) warned, \(failedChecks) failed
            """
    }
}
