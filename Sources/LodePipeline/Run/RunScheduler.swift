import Foundation

/// One piece of a run: ingesting a source into its bronze table, or building a model.
enum RunTask: Sendable {
    case source(SourceConfig)
    case model(ModelDefinition)

    /// The table the task writes, lower-cased.
    var table: String {
        switch self {
        case .source(let source): return source.table.lowercased()
        case .model(let model): return model.tableName.lowercased()
        }
    }

    /// The tables the task reads; when one of them failed, the task is skipped.
    var reads: [String] {
        guard case .model(let model) = self else { return [] }
        return model.dependencies.map { $0.lowercased() }
    }

    /// Tables the task's tests read: it waits for them when they come before it.
    var checks: [String] {
        guard case .model(let model) = self else { return [] }
        return model.checkDependencies.map { $0.lowercased() }
    }
}

/// Runs a run's tasks in dependency order on a few threads: a task starts once every
/// task writing a table it reads has finished, so models start as soon as their sources
/// are loaded while other sources still load. A task whose input failed (or was skipped)
/// is handed over with the name of the failed table instead of being run.
struct RunScheduler {
    /// In an order where every task comes after those it reads.
    let tasks: [RunTask]
    let workers: Int

    /// Runs `body` for every task; `body` returns whether the task failed.
    func run(_ body: @escaping @Sendable (RunTask, _ upstreamFailed: String?) -> Bool) {
        let state = SchedulerState(tasks: tasks)
        let group = DispatchGroup()
        for _ in 0..<min(workers, max(1, tasks.count)) {
            group.enter()
            let thread = Thread {
                while let (task, failed) = state.next() {
                    state.finish(task, failed: body(task, failed), skipped: failed != nil)
                }
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
    }
}

/// The scheduler's shared state, behind one condition lock.
private final class SchedulerState: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [RunTask]
    /// Tables of tasks not yet finished.
    private var unfinished: Set<String>
    /// Tables whose task failed or was skipped, with the table at the root of the failure.
    private var broken: [String: String] = [:]
    /// What each task waits for: the tables it reads, and those its tests read that come
    /// before it.
    private let waitsFor: [String: [String]]

    init(tasks: [RunTask]) {
        pending = tasks
        unfinished = Set(tasks.map(\.table))
        var earlier = Set<String>()
        var waits: [String: [String]] = [:]
        for task in tasks {
            waits[task.table] = task.reads + task.checks.filter { earlier.contains($0) }
            earlier.insert(task.table)
        }
        waitsFor = waits
    }

    /// The next task whose inputs are all done, waiting while none is ready; `nil` when
    /// every task has been handed out.
    func next() -> (RunTask, String?)? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if pending.isEmpty { return nil }
            if let index = pending.firstIndex(where: { task in !(waitsFor[task.table] ?? []).contains { unfinished.contains($0) } }) {
                let task = pending.remove(at: index)
                return (task, task.reads.lazy.compactMap { self.broken[$0] }.first)
            }
            condition.wait()
        }
    }

    func finish(_ task: RunTask, failed: Bool, skipped: Bool) {
        condition.lock()
        unfinished.remove(task.table)
        if skipped {
            broken[task.table] = task.reads.lazy.compactMap { self.broken[$0] }.first ?? task.table
        } else if failed {
            broken[task.table] = task.table
        }
        condition.broadcast()
        condition.unlock()
    }
}
