import Foundation
import LodePipeline

/// The text forms of run events shared by the live display, the log lines and the summary.
enum RunEventText {
    /// `12345` as `12,345`.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// `0.4 s`, `12 s`, `3m 05s`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "-" }
        if seconds < 10 { return String(format: "%.1f s", seconds) }
        if seconds < 60 { return String(format: "%.0f s", seconds.rounded(.down)) }
        let whole = Int(seconds)
        return whole < 3600 ? String(format: "%dm %02ds", whole / 60, whole % 60)
                            : String(format: "%dh %02dm", whole / 3600, (whole % 3600) / 60)
    }

    /// `status` in its color when `color` is on: green for success, yellow for warned,
    /// red for failed, dim for skipped and unchanged.
    static func status(_ status: String, color: Bool, width: Int = 0) -> String {
        let padded = status.padding(toLength: max(width, status.count), withPad: " ", startingAt: 0)
        guard color else { return padded }
        let code: String
        switch status {
        case "success", "pass", "tested", "loaded": code = "32"
        case "warned", "warn", "running": code = "33"
        case "failed", "fail", "error": code = "31"
        default: code = "2"
        }
        return "\u{1B}[\(code)m\(padded)\u{1B}[0m"
    }

    /// Colors the cells of the `status` column of an aligned table (a header line, a rule,
    /// then one line per entry of `statuses`); escapes are added after alignment so they
    /// never count as width.
    static func coloringStatuses(in table: String, _ statuses: [String]) -> String {
        var lines = table.components(separatedBy: "\n")
        guard let header = lines.first, let range = header.range(of: "status") else { return table }
        let offset = header.distance(from: header.startIndex, to: range.lowerBound)
        let width = max(6, statuses.map(\.count).max() ?? 0)
        for (index, value) in statuses.enumerated() where index + 2 < lines.count {
            let line = lines[index + 2]
            guard let start = line.index(line.startIndex, offsetBy: offset, limitedBy: line.endIndex) else { continue }
            let end = line.index(start, offsetBy: width, limitedBy: line.endIndex) ?? line.endIndex
            lines[index + 2] = String(line[..<start]) + status(value, color: true, width: width) + String(line[end...])
        }
        return lines.joined(separator: "\n")
    }

    /// `silver.orders  success  12,345 rows  0.4 s  (3 dropped, 2 checks warned)`.
    static func modelLine(_ outcome: ModelOutcome, nameWidth: Int, color: Bool) -> String {
        var parts = [outcome.model.padding(toLength: max(nameWidth, outcome.model.count), withPad: " ", startingAt: 0),
                     status(outcome.status.rawValue, color: color, width: 9)]
        let wrote = outcome.rowsWritten > 0 || [.success, .warned].contains(outcome.status)
        if wrote { parts.append("\(count(outcome.rowsWritten)) rows") }
        if outcome.status != .skipped { parts.append(duration(outcome.seconds)) }
        var notes: [String] = []
        if outcome.rowsDropped > 0 { notes.append("\(count(outcome.rowsDropped)) dropped") }
        if outcome.rowsQuarantined > 0 { notes.append("\(count(outcome.rowsQuarantined)) quarantined") }
        let warned = outcome.checks.filter { $0.status == .warn }.count
        let failed = outcome.checks.filter { $0.status == .fail || $0.status == .error }.count
        if warned > 0 { notes.append("\(warned) check\(warned == 1 ? "" : "s") warned") }
        if failed > 0 { notes.append("\(failed) check\(failed == 1 ? "" : "s") failed") }
        if let message = outcome.message, !message.isEmpty { notes.append(firstLine(message)) }
        if !notes.isEmpty { parts.append("(" + notes.joined(separator: ", ") + ")") }
        return parts.joined(separator: "  ")
    }

    /// `bronze.orders  loaded  3 files  12,345 rows  0.4 s  (2 unchanged, 4 rows quarantined)`.
    static func sourceLine(_ outcome: SourceOutcome, nameWidth: Int, color: Bool) -> String {
        let label = outcome.failure != nil ? "failed" : outcome.filesRejected > 0 ? "warned" : outcome.filesLoaded == 0 ? "unchanged" : "loaded"
        var parts = [outcome.table.padding(toLength: max(nameWidth, outcome.table.count), withPad: " ", startingAt: 0),
                     status(label, color: color, width: 9),
                     "\(count(outcome.filesLoaded)) file\(outcome.filesLoaded == 1 ? "" : "s")",
                     "\(count(outcome.rows)) rows", duration(outcome.seconds)]
        var notes: [String] = []
        if let failure = outcome.failure { notes.append(firstLine(failure)) }
        if outcome.filesSkipped > 0 { notes.append("\(count(outcome.filesSkipped)) unchanged") }
        if outcome.filesRejected > 0 { notes.append("\(count(outcome.filesRejected)) rejected") }
        if outcome.rowsQuarantined > 0 { notes.append("\(count(outcome.rowsQuarantined)) rows quarantined") }
        if !notes.isEmpty { parts.append("(" + notes.joined(separator: ", ") + ")") }
        return parts.joined(separator: "  ")
    }

    /// `Run 20261125T213000-4f2a: build, 12 models`.
    static func runStartLine(runID: String, command: RunCommand, models: [String]) -> String {
        "Run \(runID): \(command.rawValue), \(models.count) model\(models.count == 1 ? "" : "s")"
    }

    static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: true).first ?? "")
    }
}
