import Dispatch
import Foundation
import LodePipeline

/// Reports a run as a live display on a terminal: a block of lines, one per source or model
/// at work (name, rows so far, elapsed seconds), redrawn in place with ANSI escapes at most
/// ten times a second; each finished source or model prints its final line above the block.
///
/// Safe to call from several threads: one lock guards the state and the drawing.
final class TerminalRunReporter: ConsoleRunReporter, @unchecked Sendable {
    /// Something at work, shown in the live block.
    private struct Activity {
        var name: String
        var started: Date
        var rows: Int?
    }

    private let lock = NSLock()
    private let write: (String) -> Void
    private let clock: () -> Date
    private let color: Bool
    private let columns: () -> Int
    /// The most lines the block shows; the rest are counted on one line.
    private let maxBlockLines: Int
    private let redrawInterval: TimeInterval = 0.1

    private var running: [Activity] = []
    private var nameWidth = 0
    private var drawnLines = 0
    private var lastDraw = Date.distantPast
    private var frame = 0
    private var timer: DispatchSourceTimer?

    init(write: @escaping (String) -> Void = StandardOutput.write, clock: @escaping () -> Date = Date.init,
         color: Bool = StandardOutput.usesColor, columns: @escaping () -> Int = { StandardOutput.columns },
         maxBlockLines: Int = 12, ticking: Bool = true) {
        self.write = write
        self.clock = clock
        self.color = color
        self.columns = columns
        self.maxBlockLines = max(1, maxBlockLines)
        if ticking { startTimer() }
    }

    deinit { timer?.cancel() }

    func report(_ event: RunEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .runStarted(let runID, let command, let models):
            nameWidth = models.map(\.count).max() ?? 0
            emit(RunEventText.runStartLine(runID: runID, command: command, models: models))
        case .sourceStarted(let source):
            running.append(Activity(name: "source " + source, started: clock(), rows: nil))
            redraw(force: true)
        case .sourceFinished(let outcome):
            running.removeAll { $0.name == "source " + outcome.source }
            nameWidth = max(nameWidth, outcome.table.count)
            emit(RunEventText.sourceLine(outcome, nameWidth: nameWidth, color: color))
        case .modelStarted(let model):
            running.append(Activity(name: model, started: clock(), rows: 0))
            redraw(force: true)
        case .modelProgress(let model, let rows):
            if let index = running.firstIndex(where: { $0.name == model }) { running[index].rows = rows }
            redraw(force: false)
        case .modelFinished(let outcome):
            running.removeAll { $0.name == outcome.model }
            emit(RunEventText.modelLine(outcome, nameWidth: nameWidth, color: color))
        case .runFinished:
            stop()
        }
    }

    /// Clears the live block and stops redrawing; later events still print their lines.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        stop()
    }

    /// Called with the lock held.
    private func stop() {
        running.removeAll()
        timer?.cancel()
        timer = nil
        write(erase())
    }

    /// Redraws the block when at least `redrawInterval` passed since the last drawing.
    func tick() {
        lock.lock()
        defer { lock.unlock() }
        redraw(force: false)
    }

    /// Prints `line` above the block and redraws the block under it. Called with the lock held.
    private func emit(_ line: String) {
        write(erase() + line + "\n" + block())
        lastDraw = clock()
    }

    /// Called with the lock held.
    private func redraw(force: Bool) {
        let now = clock()
        guard force || now.timeIntervalSince(lastDraw) >= redrawInterval else { return }
        guard !(running.isEmpty && drawnLines == 0) else { return }
        lastDraw = now
        frame += 1
        write(erase() + block())
    }

    /// The escapes that move to the block's first line and clear to the end of the screen.
    private func erase() -> String {
        defer { drawnLines = 0 }
        return drawnLines == 0 ? "" : "\u{1B}[\(drawnLines)F\u{1B}[J"
    }

    /// The live block's text, one line per activity, each cut to the terminal's width so no
    /// line wraps (the block's height must stay known).
    private func block() -> String {
        guard !running.isEmpty else { return "" }
        let now = clock()
        let width = max(20, columns()) - 1
        let spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
        let shown = running.count > maxBlockLines ? Array(running.prefix(maxBlockLines - 1)) : running
        var lines = shown.map { activity -> String in
            var parts = [spinner[frame % spinner.count],
                         activity.name.padding(toLength: max(nameWidth, activity.name.count), withPad: " ", startingAt: 0)]
            if let rows = activity.rows { parts.append("\(RunEventText.count(rows)) rows") }
            parts.append(RunEventText.duration(max(0, now.timeIntervalSince(activity.started))))
            return String(parts.joined(separator: "  ").prefix(width))
        }
        if shown.count < running.count { lines.append("  … and \(running.count - shown.count) more") }
        drawnLines = lines.count
        return lines.map { color ? "\u{1B}[2m" + $0 + "\u{1B}[0m\n" : $0 + "\n" }.joined()
    }

    private func startTimer() {
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "lode.run-display"))
        timer.schedule(deadline: .now() + redrawInterval, repeating: redrawInterval)
        timer.setEventHandler { [weak self] in self?.tick() }
        timer.resume()
        self.timer = timer
    }
}
