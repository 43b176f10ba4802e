import Foundation
import LodePipeline

/// Reports a run as plain timestamped log lines, for output that is not a terminal:
/// `12:00:01 silver.orders  success  12,345 rows  0.4 s`.
///
/// Progress events are not logged; a model gets a line when it starts and when it ends.
/// Safe to call from several threads: lines never interleave.
final class LogRunReporter: ConsoleRunReporter, @unchecked Sendable {
    private let lock = NSLock()
    private let write: (String) -> Void
    private let clock: () -> Date
    private let formatter: DateFormatter
    private var nameWidth = 0

    /// Writes to `write` (standard output by default), stamping lines with `clock`'s local time.
    init(write: @escaping (String) -> Void = StandardOutput.write, clock: @escaping () -> Date = Date.init) {
        self.write = write
        self.clock = clock
        formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
    }

    func report(_ event: RunEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .runStarted(let runID, let command, let models):
            nameWidth = models.map(\.count).max() ?? 0
            log(RunEventText.runStartLine(runID: runID, command: command, models: models))
        case .sourceStarted(let source):
            log("source \(source)  started")
        case .sourceFinished(let outcome):
            nameWidth = max(nameWidth, outcome.table.count)
            log(RunEventText.sourceLine(outcome, nameWidth: nameWidth, color: false))
        case .modelStarted(let model):
            log(model.padding(toLength: max(nameWidth, model.count), withPad: " ", startingAt: 0) + "  started")
        case .modelProgress:
            break
        case .modelFinished(let outcome):
            log(RunEventText.modelLine(outcome, nameWidth: nameWidth, color: false))
        case .runFinished(let summary):
            let checks = summary.checkCounts
            log("Run \(summary.runID) \(summary.status) in \(RunEventText.duration(summary.seconds)): "
                + "\(summary.models.count) models, checks \(checks.passed) passed, \(checks.warned) warned, \(checks.failed) failed")
        }
    }

    func finish() {}

    private func log(_ line: String) {
        write(formatter.string(from: clock()) + " " + line + "\n")
    }
}

/// Standard output through C stdio, so reporter text and `print` keep their order.
enum StandardOutput {
    static func write(_ text: String) {
        fputs(text, stdout)
        fflush(stdout)
    }

    /// Whether standard output is a terminal that understands ANSI escapes.
    static var isTerminal: Bool {
        isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    /// Whether to color output: a terminal, and `NO_COLOR` unset.
    static var usesColor: Bool {
        isTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// The terminal's width in columns (80 when unknown).
    static var columns: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// The reporter for standard output: the live display on a terminal, log lines otherwise.
    static func reporter() -> any ConsoleRunReporter {
        isTerminal ? TerminalRunReporter() : LogRunReporter()
    }
}

/// A reporter writing to the console; ``finish()`` ends its display whether the run ended
/// or threw, so nothing is redrawn over the lines that follow.
///
/// ```swift
/// let reporter = StandardOutput.reporter()
/// defer { reporter.finish() }
/// let summary = try PipelineRunner(project: project, options: options, reporter: reporter).run()
/// reporter.finish()
/// print(RunSummaryTable(summary: summary).render(color: StandardOutput.usesColor))
/// ```
protocol ConsoleRunReporter: RunReporter {
    func finish()
}
