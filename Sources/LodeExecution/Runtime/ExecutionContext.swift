import Foundation
import LodeCore

/// What one query runs with: its thread count, batch size and memory pool.
public final class ExecutionContext: @unchecked Sendable {
    /// Threads used to read partitions side by side (the default is the core count).
    public let threads: Int
    /// Rows per batch that operators aim for when they build batches.
    public let batchSize: Int
    public let memory: MemoryPool
    private let cancelLock = NSLock()
    private var cancelled = false

    public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount, batchSize: Int = 8192,
                memoryLimit: Int = ExecutionContext.defaultMemoryLimit) {
        self.threads = max(1, threads)
        self.batchSize = max(1, batchSize)
        self.memory = MemoryPool(limit: memoryLimit)
    }

    /// 80% of physical memory, as DuckDB defaults.
    public static var defaultMemoryLimit: Int { Int(Double(ProcessInfo.processInfo.physicalMemory) * 0.8) }

    /// Asks running operators to stop; they throw at their next check.
    public func cancel() { cancelLock.withLock { cancelled = true } }

    /// Throws when the query was cancelled.
    public func checkCancelled() throws {
        if cancelLock.withLock({ cancelled }) { throw ExecutionError(.invalidInput, "query cancelled") }
    }

    /// Runs `body(i)` for every `i` in `0..<count`, at most ``threads`` at a time, and
    /// rethrows the first error once all have finished.
    public func parallel(_ count: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws {
        if count == 1 || threads == 1 {
            for i in 0..<count { try body(i) }
            return
        }
        let lock = NSLock()
        var firstError: Error?
        var nextIndex = 0
        let workers = min(threads, count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let i: Int? = lock.withLock {
                    guard firstError == nil, nextIndex < count else { return nil }
                    defer { nextIndex += 1 }
                    return nextIndex
                }
                guard let i else { return }
                do { try body(i) } catch {
                    lock.withLock { if firstError == nil { firstError = error } }
                }
            }
        }
        if let firstError { throw firstError }
    }

    /// Reads every partition of `op` to the end, in parallel, returning the batches of each
    /// partition in order.
    public func collectPartitions(_ op: any PhysicalOperator) throws -> [[RecordBatch]] {
        let count = op.partitionCount
        let results = PartitionResults<[RecordBatch]>(count: count, initial: [])
        try parallel(count) { [self] partition in
            let stream = try op.execute(partition: partition, context: self)
            var batches: [RecordBatch] = []
            while let batch = try stream.next() {
                try checkCancelled()
                if batch.count > 0 { batches.append(batch) }
            }
            results[partition] = batches
        }
        return results.values
    }

    /// Every row of `op`, partitions concatenated in order.
    public func collect(_ op: any PhysicalOperator) throws -> [RecordBatch] {
        try collectPartitions(op).flatMap { $0 }
    }
}

/// One slot per partition, written by the thread that owns the partition.
public final class PartitionResults<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T]

    public init(count: Int, initial: T) { slots = Array(repeating: initial, count: count) }

    public subscript(partition: Int) -> T {
        get { lock.withLock { slots[partition] } }
        set { lock.withLock { slots[partition] = newValue } }
    }

    public var values: [T] { lock.withLock { slots } }
}
