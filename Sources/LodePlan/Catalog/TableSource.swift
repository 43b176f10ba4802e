import LodeCore

/// A table the planner can read: a Delta table, Parquet/CSV/JSON files, an in-memory result.
///
/// The engine layer implements it; the planner only sees the schema and size estimates,
/// and execution calls ``scan(_:)``.
public protocol TableSource: AnyObject, Sendable {
    /// How the table is shown in EXPLAIN and errors: `silver.orders`, `read_parquet('x/*.parquet')`.
    var displayName: String { get }
    var schema: Schema { get }
    /// Estimated row count, `nil` when unknown; used to order joins and pick build sides.
    var estimatedRowCount: Int? { get }
    /// Opens up to `request.partitions` streams that together return every row (after
    /// pruning), each stream read by one thread. Batches hold `request.columns` in that
    /// order, named and typed as in ``schema``.
    func scan(_ request: ScanRequest) throws -> [any BatchStream]
    /// Estimated distinct values of column `index` (from statistics, never by reading data),
    /// `nil` when unknown; used to size joins.
    func distinctCount(ofColumn index: Int) -> Int?
}

/// What a scan reads.
public struct ScanRequest: Sendable {
    /// Indices into the source's schema.
    public var columns: [Int]
    /// The plan's id for each of `columns` (the ids `filters` refer to).
    public var columnIDs: [ColumnID]
    /// Conjuncts the source may use to skip files, row groups or partitions. They are hints:
    /// the scan applies them exactly afterwards, so a source may ignore any of them.
    public var filters: [BoundExpression]
    /// At most this many rows are needed (no filters remain when set).
    public var limit: Int?
    /// The number of streams wanted (the thread count).
    public var partitions: Int

    public init(columns: [Int], columnIDs: [ColumnID], filters: [BoundExpression] = [], limit: Int? = nil, partitions: Int = 1) {
        self.columns = columns
        self.columnIDs = columnIDs
        self.filters = filters
        self.limit = limit
        self.partitions = partitions
    }
}
