import Foundation
import LodeCore
import LodePlan

/// The work a scan's streams share: a queue of tasks that any stream takes the next
/// of, so that two threads stay busy until the last row group, and the row limit.
///
/// A stream that opens a file puts the file's row groups back at the front of the
/// queue, so other streams read them while it reads the first.
final class ScanWork<Task>: @unchecked Sendable {
    private let lock = NSLock()
    /// Pending tasks, the next one last.
    private var pending: [Task]
    /// Rows that may still be produced, `nil` for no limit.
    private var rowsLeft: Int?

    init(_ tasks: [Task], limit: Int?) {
        pending = tasks.reversed()
        rowsLeft = limit.map { max(0, $0) }
    }

    /// The next task, or `nil` when none is left or the limit is reached.
    func next() -> Task? {
        lock.withLock {
            if let rowsLeft, rowsLeft <= 0 { return nil }
            return pending.popLast()
        }
    }

    /// Puts `tasks` at the front of the queue, the first of them next.
    func pushFront(_ tasks: some Collection<Task>) {
        guard !tasks.isEmpty else { return }
        lock.withLock { pending.append(contentsOf: tasks.reversed()) }
    }

    /// Claims `rows` rows against the limit: how many of them may be produced (0 when
    /// the limit is reached).
    func claim(_ rows: Int) -> Int {
        lock.withLock {
            guard let left = rowsLeft else { return rows }
            let granted = min(left, rows)
            rowsLeft = left - granted
            return granted
        }
    }
}

/// What a source's scans did: counters for tests and EXPLAIN ANALYZE-style reporting.
final class ScanMetrics: @unchecked Sendable {
    private let lock = NSLock()
    private var files = 0
    private var rowGroups = 0

    /// Data files opened by scans (Delta data files, text files).
    var filesOpened: Int { lock.withLock { files } }
    /// Parquet row groups decoded by scans.
    var rowGroupsRead: Int { lock.withLock { rowGroups } }

    func fileOpened() { lock.withLock { files += 1 } }
    func rowGroupRead() { lock.withLock { rowGroups += 1 } }

    func reset() { lock.withLock { files = 0; rowGroups = 0 } }
}

extension ScanRequest {
    /// Checks the request against a source's schema; returns the projected schema.
    func outputSchema(of schema: Schema, source: String) throws -> Schema {
        guard !columns.isEmpty else {
            throw EngineError(.invalidArgument, "scan of \(source) reads no column; a scan must read at least one")
        }
        for column in columns where !schema.fields.indices.contains(column) {
            throw EngineError(.invalidArgument, "scan of \(source) asks for column \(column); the source has \(schema.count)")
        }
        return schema.project(columns)
    }

    /// How many streams to open for `tasks` units of work.
    func streamCount(tasks: Int) -> Int { max(1, min(partitions, tasks)) }
}
