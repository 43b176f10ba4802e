/// A pull-based source of record batches: file readers, table scans and query operators.
///
/// `next()` returns batches of ``schema`` until it returns `nil`; after that it keeps
/// returning `nil`. A stream is used by one thread at a time.
public protocol BatchStream: AnyObject {
    var schema: Schema { get }
    /// The next batch, or `nil` when the stream is exhausted.
    func next() throws -> RecordBatch?
}

/// A stream over batches already in memory.
public final class MemoryBatchStream: BatchStream {
    public let schema: Schema
    private var batches: [RecordBatch]
    private var position = 0

    public init(schema: Schema, batches: [RecordBatch]) {
        self.schema = schema
        self.batches = batches
    }

    public func next() throws -> RecordBatch? {
        guard position < batches.count else { return nil }
        defer { position += 1 }
        let batch = batches[position]
        batches[position] = RecordBatch.empty(schema)
        return batch
    }
}
