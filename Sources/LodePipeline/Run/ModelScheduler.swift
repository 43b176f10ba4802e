import Foundation

/// Runs models in dependency order on a few threads: a model starts once every selected
/// model it reads has finished; one whose upstream failed or was skipped is handed over
/// as skipped (with the name of the failed model) instead of run.
struct ModelScheduler {
    let models: [ModelDefinition]
    let workers: Int

    /// Runs `body` for every model; returns the outcomes in the order models finished.
    func run(_ body: @escaping @Sendable (ModelDefinition, _ upstreamFailed: String?) -> ModelOutcome) -> [ModelOutcome] {
        let state = SchedulerState(models: models)
        let threads = min(workers, max(1, models.count))
        let group = DispatchGroup()
        for _ in 0..<threads {
            group.enter()
            let thread = Thread {
                while let (model, failed) = state.next() {
                    state.finish(model, body(model, failed))
                }
                group.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        group.wait()
        return state.finished
    }
}

/// The scheduler's shared state, behind one condition lock.
private final class SchedulerState: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [ModelDefinition]
    /// Selected models not yet finished; a model waits for those among its dependencies.
    private var unfinished: Set<String>
    /// Models that failed or were skipped, with the model at the root of the failure.
    private var broken: [String: String] = [:]
    private(set) var finished: [ModelOutcome] = []

    /// What each model waits for: the models it reads, and those its tests read that
    /// come before it in the order.
    private let waitsFor: [String: [String]]

    init(models: [ModelDefinition]) {
        pending = models
        unfinished = Set(models.map { $0.tableName.lowercased() })
        var earlier = Set<String>()
        var waits: [String: [String]] = [:]
        for model in models {
            let name = model.tableName.lowercased()
            waits[name] = model.dependencies.map { $0.lowercased() }
                + model.checkDependencies.map { $0.lowercased() }.filter { earlier.contains($0) }
            earlier.insert(name)
        }
        waitsFor = waits
    }

    /// The next model whose selected dependencies are all done, waiting while none is
    /// ready; `nil` when every model has been handed out.
    func next() -> (ModelDefinition, String?)? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if pending.isEmpty { return nil }
            if let index = pending.firstIndex(where: { model in
                !(waitsFor[model.tableName.lowercased()] ?? []).contains { unfinished.contains($0) }
            }) {
                let model = pending.remove(at: index)
                let failed = model.dependencies.lazy.compactMap { self.broken[$0.lowercased()] }.first
                return (model, failed)
            }
            condition.wait()
        }
    }

    func finish(_ model: ModelDefinition, _ outcome: ModelOutcome) {
        condition.lock()
        let name = model.tableName.lowercased()
        unfinished.remove(name)
        if outcome.status == .failed {
            broken[name] = model.tableName
        } else if outcome.status == .skipped {
            broken[name] = model.dependencies.lazy.compactMap { self.broken[$0.lowercased()] }.first ?? model.tableName
        }
        finished.append(outcome)
        condition.broadcast()
        condition.unlock()
    }
}
