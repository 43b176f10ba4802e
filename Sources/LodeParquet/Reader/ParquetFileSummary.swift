import LodeCore

/// What a Parquet file holds, as `lode inspect` shows it: schema, row groups,
/// column chunks with their encodings, codecs, sizes and statistics.
public struct ParquetFileSummary: Sendable {
    public var file: String
    public var numRows: Int64
    public var createdBy: String?
    public var formatVersion: Int32
    public var schema: Schema
    public var keyValueMetadata: [KeyValue]
    public var rowGroups: [RowGroupSummary]

    public struct RowGroupSummary: Sendable {
        public var numRows: Int64
        public var totalByteSize: Int64
        public var columns: [ColumnChunkSummary]
    }

    public struct ColumnChunkSummary: Sendable {
        /// Dotted path of the leaf column.
        public var path: String
        public var physicalType: PhysicalType
        /// The Lode type the leaf reads as.
        public var type: DataType
        public var codec: CompressionCodec
        public var encodings: [Encoding]
        public var numValues: Int64
        public var compressedSize: Int64
        public var uncompressedSize: Int64
        public var nullCount: Int64?
        /// Statistics bounds as values, when present and usable.
        public var min: Value?
        public var max: Value?
    }
}

extension ParquetReader {
    /// The file's metadata as a ``ParquetFileSummary``.
    public func summary() -> ParquetFileSummary {
        let groups = metadata.rowGroups.map { group in
            ParquetFileSummary.RowGroupSummary(
                numRows: group.numRows, totalByteSize: group.totalByteSize,
                columns: zip(group.columns, leaves).map { chunk, leaf in
                    let meta = chunk.metaData
                    let stats = meta?.statistics
                    let minBytes = stats?.minValue ?? (StatisticsValue.hasSignedOrder(leaf) ? stats?.min : nil)
                    let maxBytes = stats?.maxValue ?? (StatisticsValue.hasSignedOrder(leaf) ? stats?.max : nil)
                    return ParquetFileSummary.ColumnChunkSummary(
                        path: leaf.name, physicalType: leaf.physicalType, type: leaf.type,
                        codec: meta?.codec ?? .uncompressed, encodings: meta?.encodings ?? [],
                        numValues: meta?.numValues ?? 0, compressedSize: meta?.totalCompressedSize ?? 0,
                        uncompressedSize: meta?.totalUncompressedSize ?? 0, nullCount: stats?.nullCount,
                        min: minBytes.flatMap { StatisticsValue.decode($0, leaf: leaf) },
                        max: maxBytes.flatMap { StatisticsValue.decode($0, leaf: leaf) })
                })
        }
        return ParquetFileSummary(file: name, numRows: metadata.numRows, createdBy: metadata.createdBy,
                                  formatVersion: metadata.version, schema: schema,
                                  keyValueMetadata: metadata.keyValueMetadata ?? [], rowGroups: groups)
    }
}
