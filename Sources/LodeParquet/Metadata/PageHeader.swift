// Page headers (apache/parquet-format `parquet.thrift`); field ids in comments.

public struct DataPageHeader: Hashable, Sendable {
    public var numValues: Int32                     // 1
    public var encoding: Encoding                   // 2
    public var definitionLevelEncoding: Encoding    // 3
    public var repetitionLevelEncoding: Encoding    // 4
    public var statistics: Statistics? = nil        // 5
    public init(numValues: Int32, encoding: Encoding, definitionLevelEncoding: Encoding, repetitionLevelEncoding: Encoding) {
        self.numValues = numValues; self.encoding = encoding
        self.definitionLevelEncoding = definitionLevelEncoding; self.repetitionLevelEncoding = repetitionLevelEncoding
    }
}

public struct DictionaryPageHeader: Hashable, Sendable {
    public var numValues: Int32     // 1
    public var encoding: Encoding   // 2
    public var isSorted: Bool? = nil // 3
    public init(numValues: Int32, encoding: Encoding) { self.numValues = numValues; self.encoding = encoding }
}

public struct DataPageHeaderV2: Hashable, Sendable {
    public var numValues: Int32                     // 1
    public var numNulls: Int32                      // 2
    public var numRows: Int32                       // 3
    public var encoding: Encoding                   // 4
    public var definitionLevelsByteLength: Int32    // 5
    public var repetitionLevelsByteLength: Int32    // 6
    public var isCompressed: Bool = true            // 7 (default true)
    public var statistics: Statistics? = nil        // 8
    public init(numValues: Int32, numNulls: Int32, numRows: Int32, encoding: Encoding,
                definitionLevelsByteLength: Int32, repetitionLevelsByteLength: Int32) {
        self.numValues = numValues; self.numNulls = numNulls; self.numRows = numRows; self.encoding = encoding
        self.definitionLevelsByteLength = definitionLevelsByteLength
        self.repetitionLevelsByteLength = repetitionLevelsByteLength
    }
}

public struct PageHeader: Hashable, Sendable {
    public var type: PageType                                   // 1
    public var uncompressedPageSize: Int32                      // 2
    public var compressedPageSize: Int32                        // 3
    public var crc: Int32? = nil                                // 4
    public var dataPageHeader: DataPageHeader? = nil            // 5
    // 6: IndexPageHeader (empty) is skipped when read.
    public var dictionaryPageHeader: DictionaryPageHeader? = nil // 7
    public var dataPageHeaderV2: DataPageHeaderV2? = nil        // 8
    public init(type: PageType, uncompressedPageSize: Int32, compressedPageSize: Int32) {
        self.type = type; self.uncompressedPageSize = uncompressedPageSize; self.compressedPageSize = compressedPageSize
    }
}
