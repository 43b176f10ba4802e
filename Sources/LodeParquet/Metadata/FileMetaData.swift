// The Parquet footer (apache/parquet-format `parquet.thrift`), field by field.
// Field ids are in the comments; optional Thrift fields are Swift optionals.

public struct Statistics: Hashable, Sendable {
    public var max: [UInt8]? = nil              // 1 (deprecated, signed order)
    public var min: [UInt8]? = nil              // 2 (deprecated, signed order)
    public var nullCount: Int64? = nil          // 3
    public var distinctCount: Int64? = nil      // 4
    public var maxValue: [UInt8]? = nil         // 5
    public var minValue: [UInt8]? = nil         // 6
    public var isMaxValueExact: Bool? = nil     // 7
    public var isMinValueExact: Bool? = nil     // 8
    public init() {}
}

public struct SchemaElement: Hashable, Sendable {
    public var type: PhysicalType? = nil                    // 1
    public var typeLength: Int32? = nil                     // 2
    public var repetitionType: FieldRepetitionType? = nil   // 3
    public var name: String                                 // 4
    public var numChildren: Int32? = nil                    // 5
    public var convertedType: ConvertedType? = nil          // 6
    public var scale: Int32? = nil                          // 7
    public var precision: Int32? = nil                      // 8
    public var fieldID: Int32? = nil                        // 9
    public var logicalType: LogicalType? = nil              // 10
    public init(name: String) { self.name = name }
}

public struct KeyValue: Hashable, Sendable {
    public var key: String          // 1
    public var value: String?       // 2
    public init(key: String, value: String?) { self.key = key; self.value = value }
}

public struct SortingColumn: Hashable, Sendable {
    public var columnIndex: Int32   // 1
    public var descending: Bool     // 2
    public var nullsFirst: Bool     // 3
    public init(columnIndex: Int32, descending: Bool, nullsFirst: Bool) {
        self.columnIndex = columnIndex; self.descending = descending; self.nullsFirst = nullsFirst
    }
}

public struct PageEncodingStats: Hashable, Sendable {
    public var pageType: PageType   // 1
    public var encoding: Encoding   // 2
    public var count: Int32         // 3
    public init(pageType: PageType, encoding: Encoding, count: Int32) {
        self.pageType = pageType; self.encoding = encoding; self.count = count
    }
}

public struct ColumnMetaData: Hashable, Sendable {
    public var type: PhysicalType                       // 1
    public var encodings: [Encoding]                    // 2
    public var pathInSchema: [String]                   // 3
    public var codec: CompressionCodec                  // 4
    public var numValues: Int64                         // 5
    public var totalUncompressedSize: Int64             // 6
    public var totalCompressedSize: Int64               // 7
    public var keyValueMetadata: [KeyValue]? = nil      // 8
    public var dataPageOffset: Int64                    // 9
    public var indexPageOffset: Int64? = nil            // 10
    public var dictionaryPageOffset: Int64? = nil       // 11
    public var statistics: Statistics? = nil            // 12
    public var encodingStats: [PageEncodingStats]? = nil // 13
    public var bloomFilterOffset: Int64? = nil          // 14
    public var bloomFilterLength: Int32? = nil          // 15
    // 16 (SizeStatistics) and 17 (GeospatialStatistics) are skipped when read.

    public init(type: PhysicalType, encodings: [Encoding], pathInSchema: [String], codec: CompressionCodec,
                numValues: Int64, totalUncompressedSize: Int64, totalCompressedSize: Int64, dataPageOffset: Int64) {
        self.type = type; self.encodings = encodings; self.pathInSchema = pathInSchema; self.codec = codec
        self.numValues = numValues; self.totalUncompressedSize = totalUncompressedSize
        self.totalCompressedSize = totalCompressedSize; self.dataPageOffset = dataPageOffset
    }
}

public struct ColumnChunk: Hashable, Sendable {
    public var filePath: String? = nil                  // 1
    public var fileOffset: Int64                        // 2
    public var metaData: ColumnMetaData?                // 3
    public var offsetIndexOffset: Int64? = nil          // 4
    public var offsetIndexLength: Int32? = nil          // 5
    public var columnIndexOffset: Int64? = nil          // 6
    public var columnIndexLength: Int32? = nil          // 7
    /// Field 8 (crypto metadata) or 9 (encrypted metadata) was present: the column is encrypted.
    public var isEncrypted: Bool = false
    public init(fileOffset: Int64, metaData: ColumnMetaData?) { self.fileOffset = fileOffset; self.metaData = metaData }
}

public struct RowGroup: Hashable, Sendable {
    public var columns: [ColumnChunk]                   // 1
    public var totalByteSize: Int64                     // 2
    public var numRows: Int64                           // 3
    public var sortingColumns: [SortingColumn]? = nil   // 4
    public var fileOffset: Int64? = nil                 // 5
    public var totalCompressedSize: Int64? = nil        // 6
    public var ordinal: Int16? = nil                    // 7
    public init(columns: [ColumnChunk], totalByteSize: Int64, numRows: Int64) {
        self.columns = columns; self.totalByteSize = totalByteSize; self.numRows = numRows
    }
}

public struct FileMetaData: Hashable, Sendable {
    public var version: Int32                           // 1
    public var schema: [SchemaElement]                  // 2
    public var numRows: Int64                           // 3
    public var rowGroups: [RowGroup]                    // 4
    public var keyValueMetadata: [KeyValue]? = nil      // 5
    public var createdBy: String? = nil                 // 6
    public var columnOrders: [ColumnOrder]? = nil       // 7
    /// Field 8 (encryption algorithm) was present: the footer is for an encrypted file.
    public var isEncrypted: Bool = false
    public init(version: Int32, schema: [SchemaElement], numRows: Int64, rowGroups: [RowGroup]) {
        self.version = version; self.schema = schema; self.numRows = numRows; self.rowGroups = rowGroups
    }
}
