import Foundation

/// Counts the bytes operators hold (hash tables, sort buffers, aggregate states) against a
/// limit shared by one query.
///
/// Operators grow a ``MemoryReservation`` before they keep data; a growth past the limit
/// throws ``ExecutionError/Kind/outOfMemory`` naming the operator, and the query fails
/// cleanly instead of the process running out of memory.
public final class MemoryPool: @unchecked Sendable {
    /// The limit in bytes.
    public let limit: Int
    private let lock = NSLock()
    private var used = 0
    private var peak = 0

    public init(limit: Int) { self.limit = limit }

    /// Bytes currently reserved.
    public var reserved: Int { lock.withLock { used } }
    /// The most bytes ever reserved at once.
    public var peakReserved: Int { lock.withLock { peak } }

    /// A new, empty reservation for `consumer` (`"HashJoin build"`, `"Sort"`).
    public func reservation(for consumer: String) -> MemoryReservation {
        MemoryReservation(pool: self, consumer: consumer)
    }

    fileprivate func grow(_ bytes: Int, consumer: String) throws {
        try lock.withLock {
            guard used + bytes <= limit else {
                throw ExecutionError(.outOfMemory, "\(consumer) needs \(formatBytes(used + bytes)), over the memory limit of \(formatBytes(limit)) (set a higher limit with --memory-limit)")
            }
            used += bytes
            peak = max(peak, used)
        }
    }

    fileprivate func shrink(_ bytes: Int) {
        lock.withLock { used -= bytes }
    }
}

/// The bytes one operator holds in a ``MemoryPool``; freed when released or deinitialized.
public final class MemoryReservation: @unchecked Sendable {
    private let pool: MemoryPool
    public let consumer: String
    private let lock = NSLock()
    private var size = 0

    fileprivate init(pool: MemoryPool, consumer: String) {
        self.pool = pool
        self.consumer = consumer
    }

    /// Bytes held.
    public var bytes: Int { lock.withLock { size } }

    /// Holds `bytes` more; throws when the pool's limit would be passed.
    public func grow(_ bytes: Int) throws {
        guard bytes > 0 else { return }
        try pool.grow(bytes, consumer: consumer)
        lock.withLock { size += bytes }
    }

    /// Sets the held size to `bytes`, growing or shrinking.
    public func resize(to bytes: Int) throws {
        let current = self.bytes
        if bytes > current { try grow(bytes - current) } else { shrink(current - bytes) }
    }

    public func shrink(_ bytes: Int) {
        let n = lock.withLock { () -> Int in
            let n = min(bytes, size)
            size -= n
            return n
        }
        if n > 0 { pool.shrink(n) }
    }

    /// Gives everything back.
    public func release() { shrink(bytes) }

    deinit { if size > 0 { pool.shrink(size) } }
}

/// `1.5 GiB`, `512.0 MiB`, `10 bytes`.
public func formatBytes(_ bytes: Int) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024, unit < units.count - 1 {
        value /= 1024
        unit += 1
    }
    return unit == 0 ? "\(bytes) bytes" : String(format: "%.1f %@", value, units[unit])
}
