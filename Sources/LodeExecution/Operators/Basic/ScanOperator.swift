import Foundation
import LodeCore
import LodePlan

/// Reads a ``TableSource``: one output partition per stream the source opens, each batch
/// renamed to the plan's schema and filtered exactly by the pushed-down predicates, each
/// applied to the rows the earlier ones kept (so `x <> 0 AND 10 / x > 1` never divides by zero).
public final class ScanOperator: PhysicalOperator, @unchecked Sendable {
    public let source: any TableSource
    public let request: ScanRequest
    /// The pushed-down filters, applied in order to every batch.
    public let filters: [any PhysicalExpression]
    public let schema: Schema
    private let lock = NSLock()
    private var streams: [any BatchStream]?

    public init(source: any TableSource, request: ScanRequest, filters: [any PhysicalExpression], schema: Schema) {
        self.source = source
        self.request = request
        self.filters = filters
        self.schema = schema
    }

    public var children: [any PhysicalOperator] { [] }
    public var partitionCount: Int { max(1, request.partitions) }
    public var name: String { "Scan" }
    public var details: String {
        var parts = [source.displayName, "columns=[\(schema.names.joined(separator: ", "))]"]
        if !filters.isEmpty { parts.append("filters=[\(filters.map(\.description).joined(separator: ", "))]") }
        if let limit = request.limit { parts.append("limit=\(limit)") }
        return parts.joined(separator: " ")
    }

    public func execute(partition: Int, context: ExecutionContext) throws -> any BatchStream {
        let streams = try openStreams()
        guard partition < streams.count else { return MemoryBatchStream(schema: schema, batches: []) }
        let stream = streams[partition]
        let schema = self.schema, filters = self.filters
        return ClosureBatchStream(schema: schema) {
            while let batch = try stream.next() {
                try context.checkCancelled()
                var out = try batch.renamed(schema)
                if !filters.isEmpty { out = try filterRows(out, by: filters) }
                if out.count > 0 { return out }
            }
            return nil
        }
    }

    /// The source's streams, opened once for all partitions.
    private func openStreams() throws -> [any BatchStream] {
        try lock.withLock {
            if let streams { return streams }
            let opened = try source.scan(request)
            streams = opened
            return opened
        }
    }
}
