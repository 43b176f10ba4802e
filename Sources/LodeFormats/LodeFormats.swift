import LodeCore

/// Text formats that data enters and leaves the lake in: CSV and newline-delimited JSON.
///
/// LodeFormats owns the readers that turn files of rows into ``RecordBatch``es
/// (``CSVReader``, ``NDJSONReader``), the writers that turn batches back into text
/// (``CSVWriter``, ``NDJSONWriter``), schema inference from a sample of rows, and
/// ``parseSchema(_:)`` for schemas given as SQL text. Rows that do not parse become
/// ``BadRow``s handled by a ``BadRowPolicy``; readers never stop the process on bad
/// input. The target depends on LodeCore only and knows nothing of tables, storage
/// or SQL execution.
public enum LodeFormats {
    /// Rows per batch a reader produces unless told otherwise.
    public static let defaultBatchSize = 65_536
    /// Rows sampled to infer a schema unless told otherwise.
    public static let defaultInferenceRows = 10_000
}

/// Reads a file of rows as a sequence of ``RecordBatch``es.
///
/// ```swift
/// let reader = try CSVReader(path: "orders.csv")
/// while let batch = try reader.next() { … }
/// let quarantined = reader.takeBadRows()
/// ```
public protocol RecordBatchReader: AnyObject {
    /// The schema of every batch, given or inferred.
    var schema: Schema { get }
    /// The next batch, or `nil` once the input is exhausted.
    func next() throws -> RecordBatch?
    /// Bad rows collected so far under ``BadRowPolicy/collect``.
    var badRows: [BadRow] { get }
    /// Returns the bad rows collected so far and forgets them.
    func takeBadRows() -> [BadRow]
}

extension RecordBatchReader {
    /// Every remaining batch.
    public func readAll() throws -> [RecordBatch] {
        var batches: [RecordBatch] = []
        while let batch = try next() { batches.append(batch) }
        return batches
    }
}
