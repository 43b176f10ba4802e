import Foundation
import LodeCore

/// Skips `offset` rows, then passes at most `limit`; reads its input partitions in order
/// and outputs one partition.
public final class LimitOperator: PhysicalOperator {
    public let input: any PhysicalOperator
    public let limit: Int?
    public let offset: Int

    public init(input: any PhysicalOperator, limit: Int?, offset: Int) {
        self.input = input
        self.limit = limit
        self.offset = offset
    }

    public var schema: Schema { input.schema }
    public var children: [any PhysicalOperator] { [input] }
    public var partitionCount: Int { 1 }
    public var name: String { "Limit" }
    public var details: String { "limit=\(limit.map(String.init) ?? "all") offset=\(offset)" }

    public func execute(partition: Int, context: ExecutionContext) throws -> any BatchStream {
        var toSkip = offset
        var remaining = limit ?? Int.max
        var nextPartition = 0
        var stream: (any BatchStream)?
        let input = self.input
        return ClosureBatchStream(schema: schema) {
            while remaining > 0 {
                if stream == nil {
                    guard nextPartition < input.partitionCount else { return nil }
                    stream = try input.execute(partition: nextPartition, context: context)
                    nextPartition += 1
                }
                guard let batch = try stream?.next() else {
                    stream = nil
                    continue
                }
                var rows = 0..<batch.count
                if toSkip > 0 {
                    let skipped = min(toSkip, rows.count)
                    toSkip -= skipped
                    rows = skipped..<rows.upperBound
                }
                if rows.count > remaining { rows = rows.lowerBound..<(rows.lowerBound + remaining) }
                guard !rows.isEmpty else { continue }
                remaining -= rows.count
                return rows.count == batch.count ? batch : batch.slice(rows)
            }
            return nil
        }
    }
}
