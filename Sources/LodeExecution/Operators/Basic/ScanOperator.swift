import Foundation
import LodeCore
import LodePlan

/// Reads a ``TableSource``: one output partition per stream the source opens, each batch
/// renamed to the plan's schema and filtered exactly by the pushed-down predicate.
public final class ScanOperator: PhysicalOperator, @unchecked Sendable {
    public let source: any TableSource
    public let request: ScanRequest
    /// All pushed-down filters, conjoined; applied to every batch.
    public let filter: (any PhysicalExpression)?
    public let schema: Schema
    private let lock = NSLock()
    private var streams: [any BatchStream]?

    public init(source: any TableSource, request: ScanRequest, filter: (any PhysicalExpression)?, schema: Schema) {
        self.source = source
        self.request = request
        self.filter = filter
        self.schema = schema
    }

    public var children: [any PhysicalOperator] { [] }
    public var partitionCount: Int { max(1, request.partitions) }
    public var name: String { "Scan" }
    public var details: String {
        var parts = [source.displayName, "columns=[\(schema.names.joined(separator: ", "))]"]
        if let filter { parts.append("filter=\(filter)") }
        if let limit = request.limit { parts.append("limit=\(limit)") }
        return parts.joined(separator: " ")
    }

    public func execute(partition: Int, context: ExecutionContext) throws -> any BatchStream {
        let streams = try openStreams()
        guard partition < streams.count else { return MemoryBatchStream(schema: schema, batches: []) }
        let stream = streams[partition]
        let schema = self.schema, filter = self.filter
        return ClosureBatchStream(schema: schema) {
            while let batch = try stream.next() {
                try context.checkCancelled()
                var out = try renamed(batch, to: schema)
                if let filter { out = try filterRows(out, by: filter) }
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
