import Foundation
import LodeExecution

/// How a ``Session`` runs queries: threads, memory limit and batch size.
public struct SessionOptions: Sendable {
    /// Threads each query uses (default: the core count).
    public var threads: Int
    /// Bytes operators may hold at once per query (default: 80% of physical memory).
    public var memoryLimit: Int
    /// Rows per batch operators aim for.
    public var batchSize: Int

    public init(threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                memoryLimit: Int = ExecutionContext.defaultMemoryLimit, batchSize: Int = 8192) {
        self.threads = max(1, threads)
        self.memoryLimit = max(0, memoryLimit)
        self.batchSize = max(1, batchSize)
    }

    /// Parses a memory size as given on a command line: `2GB`, `512MB`, `1.5GiB`, `1000000`.
    /// Decimal units (`KB`, `MB`, `GB`, `TB`) count powers of 1000, binary ones (`KiB`, …) of 1024.
    public static func parseMemorySize(_ text: String) throws -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
        let multipliers: [String: Double] = [
            "": 1, "b": 1, "bytes": 1,
            "kb": 1e3, "mb": 1e6, "gb": 1e9, "tb": 1e12,
            "k": 1e3, "m": 1e6, "g": 1e9, "t": 1e12,
            "kib": 1024, "mib": 1_048_576, "gib": 1_073_741_824, "tib": 1_099_511_627_776,
        ]
        guard let amount = Double(digits), let multiplier = multipliers[unit], amount.isFinite, amount >= 0,
              amount * multiplier < Double(Int.max) else {
            throw EngineError(.invalidArgument, "'\(text)' is not a memory size such as 2GB, 512MB or 1.5GiB")
        }
        return Int(amount * multiplier)
    }
}
