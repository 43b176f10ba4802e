import LodeCore
import LodePlan

/// Batches held in memory under a name: temporary tables, views materialized by the
/// session, test data.
///
/// A scan deals the batches out to its streams in turn.
public final class MemorySource: TableSource {
    public let displayName: String
    public let schema: Schema
    public let batches: [RecordBatch]
    public var estimatedRowCount: Int? { batches.reduce(0) { $0 + $1.count } }

    public init(name: String, batches: [RecordBatch], schema: Schema) {
        self.displayName = name
        self.batches = batches
        self.schema = schema
    }

    public func scan(_ request: ScanRequest) throws -> [any BatchStream] {
        let output = try request.outputSchema(of: schema, source: displayName)
        for batch in batches where batch.schema.count != schema.count {
            throw EngineError(.invalidArgument, "\(displayName): a batch has \(batch.schema.count) columns, the schema \(schema.count)")
        }
        let work = ScanWork(batches.filter { $0.count > 0 }, limit: request.limit)
        return (0..<request.streamCount(tasks: batches.count)).map { _ in
            MemoryScanStream(schema: output, columns: request.columns, work: work)
        }
    }
}

/// One stream of a ``MemorySource`` scan.
final class MemoryScanStream: BatchStream {
    let schema: Schema
    private let columns: [Int]
    private let work: ScanWork<RecordBatch>

    init(schema: Schema, columns: [Int], work: ScanWork<RecordBatch>) {
        self.schema = schema
        self.columns = columns
        self.work = work
    }

    func next() throws -> RecordBatch? {
        guard let batch = work.next() else { return nil }
        let granted = work.claim(batch.count)
        guard granted > 0 else { return nil }
        let projected = try naming("in-memory table") { try RecordBatch(schema: schema, columns: columns.map { batch.columns[$0] }) }
        return granted < batch.count ? projected.slice(0..<granted) : projected
    }
}
