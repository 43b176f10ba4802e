/// How a ``ParquetWriter`` lays out and encodes a file.
///
/// The defaults produce files like pyarrow's: snappy compression, V1 data pages of
/// about 1 MiB, dictionary encoding with a PLAIN fallback, statistics for every column
/// chunk, and row groups of up to 1,048,576 rows (fewer when they would exceed
/// 128 MiB of uncompressed pages).
///
/// ```swift
/// var options = ParquetWriteOptions()
/// options.compression = .zstd
/// options.maxRowGroupRows = 122_880
/// let writer = try ParquetWriter(path: "part-0.parquet", schema: schema, options: options)
/// ```
public struct ParquetWriteOptions: Hashable, Sendable {
    /// The codec of every page: `.uncompressed`, `.snappy`, `.gzip`, `.zstd` or `.lz4Raw`.
    public var compression: CompressionCodec = .snappy
    /// The codec's level where it has one (GZIP, ZSTD); `nil` for the codec's default.
    public var compressionLevel: Int? = nil
    /// Most rows in one row group.
    public var maxRowGroupRows: Int = 1_048_576
    /// A row group is closed early once its uncompressed pages reach about this many bytes.
    public var maxRowGroupBytes: Int = 128 * 1024 * 1024
    /// A data page is closed once its encoded values reach about this many bytes.
    public var dataPageSize: Int = 1024 * 1024
    /// Whether columns (except booleans) start each column chunk dictionary-encoded.
    public var dictionaryEnabled: Bool = true
    /// Once a column chunk's PLAIN-encoded dictionary reaches this many bytes, the rest
    /// of the chunk is written PLAIN; pages already written keep their dictionary.
    public var dictionaryPageSizeLimit: Int = 1024 * 1024
    /// Whether column chunks carry min/max statistics (null counts are always written).
    public var statisticsEnabled: Bool = true
    /// The footer's `created_by`, in the `<app> version <semver> (build <hash>)` form that
    /// parquet-java parses (it ignores string statistics of writers it cannot identify).
    public var createdBy: String = "lode version 0.1.0 (build lode)"
    /// Key/value pairs for the footer, written in key order.
    public var keyValueMetadata: [String: String] = [:]

    public init() {}

    /// Checks that every limit is positive.
    func validate() throws {
        for (name, value) in [("maxRowGroupRows", maxRowGroupRows), ("maxRowGroupBytes", maxRowGroupBytes),
                              ("dataPageSize", dataPageSize), ("dictionaryPageSizeLimit", dictionaryPageSizeLimit)]
        where value <= 0 {
            throw ParquetError(.invalidArgument, "\(name) must be positive, got \(value)")
        }
    }
}
