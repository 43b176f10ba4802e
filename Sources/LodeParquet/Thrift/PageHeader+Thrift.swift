// PageHeader and the per-kind headers it carries.

extension PageHeader: ThriftCodable {
    /// Decodes the page header at the start of `bytes`; the page's data follows
    /// it, `length` bytes in.
    ///
    /// - Throws: ``ParquetError`` of kind `corruptMetadata` when the header is
    ///   cut short or does not decode.
    public static func decode(thrift bytes: UnsafeRawBufferPointer) throws -> (header: PageHeader, length: Int) {
        var reader = ThriftCompactReader(bytes, subject: "page header")
        let header = try PageHeader(thrift: &reader)
        return (header, reader.position)
    }

    /// Appends the header in the Thrift compact protocol to `buffer`.
    public func encode(into buffer: inout [UInt8]) {
        var writer = ThriftCompactWriter()
        swap(&writer.bytes, &buffer)
        write(to: &writer)
        swap(&writer.bytes, &buffer)
    }

    init(thrift reader: inout ThriftCompactReader) throws {
        let scope = try reader.beginStruct("PageHeader")
        var type: PageType?
        var uncompressedPageSize: Int32?
        var compressedPageSize: Int32?
        var crc: Int32?
        var dataPageHeader: DataPageHeader?
        var dictionaryPageHeader: DictionaryPageHeader?
        var dataPageHeaderV2: DataPageHeaderV2?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: type = PageType(rawValue: try reader.readI32(field))
            case 2: uncompressedPageSize = try reader.readI32(field)
            case 3: compressedPageSize = try reader.readI32(field)
            case 4: crc = try reader.readI32(field)
            case 5: dataPageHeader = try reader.readStruct(field)
            case 7: dictionaryPageHeader = try reader.readStruct(field)
            case 8: dataPageHeaderV2 = try reader.readStruct(field)
            default: try reader.skip(field)  // 6 IndexPageHeader, newer fields
            }
        }
        guard let type else { throw reader.missingField("PageHeader", "type", id: 1) }
        guard let uncompressedPageSize else {
            throw reader.missingField("PageHeader", "uncompressed_page_size", id: 2)
        }
        guard let compressedPageSize else { throw reader.missingField("PageHeader", "compressed_page_size", id: 3) }
        reader.endStruct(scope)
        self.init(type: type, uncompressedPageSize: uncompressedPageSize, compressedPageSize: compressedPageSize)
        self.crc = crc
        self.dataPageHeader = dataPageHeader
        self.dictionaryPageHeader = dictionaryPageHeader
        self.dataPageHeaderV2 = dataPageHeaderV2
    }

    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        writer.writeI32Field(1, type.rawValue)
        writer.writeI32Field(2, uncompressedPageSize)
        writer.writeI32Field(3, compressedPageSize)
        if let crc { writer.writeI32Field(4, crc) }
        if let dataPageHeader { writer.writeStructField(5, dataPageHeader) }
        if let dictionaryPageHeader { writer.writeStructField(7, dictionaryPageHeader) }
        if let dataPageHeaderV2 { writer.writeStructField(8, dataPageHeaderV2) }
        writer.endStruct(scope)
    }
}

extension DataPageHeader: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        let scope = try reader.beginStruct("DataPageHeader")
        var numValues: Int32?
        var encoding: Encoding?
        var definitionLevelEncoding: Encoding?
        var repetitionLevelEncoding: Encoding?
        var statistics: Statistics?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: numValues = try reader.readI32(field)
            case 2: encoding = Encoding(rawValue: try reader.readI32(field))
            case 3: definitionLevelEncoding = Encoding(rawValue: try reader.readI32(field))
            case 4: repetitionLevelEncoding = Encoding(rawValue: try reader.readI32(field))
            case 5: statistics = try reader.readStruct(field)
            default: try reader.skip(field)
            }
        }
        guard let numValues else { throw reader.missingField("DataPageHeader", "num_values", id: 1) }
        guard let encoding else { throw reader.missingField("DataPageHeader", "encoding", id: 2) }
        guard let definitionLevelEncoding else {
            throw reader.missingField("DataPageHeader", "definition_level_encoding", id: 3)
        }
        guard let repetitionLevelEncoding else {
            throw reader.missingField("DataPageHeader", "repetition_level_encoding", id: 4)
        }
        reader.endStruct(scope)
        self.init(numValues: numValues, encoding: encoding, definitionLevelEncoding: definitionLevelEncoding,
                  repetitionLevelEncoding: repetitionLevelEncoding)
        self.statistics = statistics
    }

    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        writer.writeI32Field(1, numValues)
        writer.writeI32Field(2, encoding.rawValue)
        writer.writeI32Field(3, definitionLevelEncoding.rawValue)
        writer.writeI32Field(4, repetitionLevelEncoding.rawValue)
        if let statistics { writer.writeStructField(5, statistics) }
        writer.endStruct(scope)
    }
}

extension DictionaryPageHeader: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        let scope = try reader.beginStruct("DictionaryPageHeader")
        var numValues: Int32?
        var encoding: Encoding?
        var isSorted: Bool?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: numValues = try reader.readI32(field)
            case 2: encoding = Encoding(rawValue: try reader.readI32(field))
            case 3: isSorted = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
        guard let numValues else { throw reader.missingField("DictionaryPageHeader", "num_values", id: 1) }
        guard let encoding else { throw reader.missingField("DictionaryPageHeader", "encoding", id: 2) }
        reader.endStruct(scope)
        self.init(numValues: numValues, encoding: encoding)
        self.isSorted = isSorted
    }

    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        writer.writeI32Field(1, numValues)
        writer.writeI32Field(2, encoding.rawValue)
        if let isSorted { writer.writeBoolField(3, isSorted) }
        writer.endStruct(scope)
    }
}

extension DataPageHeaderV2: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        let scope = try reader.beginStruct("DataPageHeaderV2")
        var numValues: Int32?
        var numNulls: Int32?
        var numRows: Int32?
        var encoding: Encoding?
        var definitionLevelsByteLength: Int32?
        var repetitionLevelsByteLength: Int32?
        var isCompressed = true
        var statistics: Statistics?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: numValues = try reader.readI32(field)
            case 2: numNulls = try reader.readI32(field)
            case 3: numRows = try reader.readI32(field)
            case 4: encoding = Encoding(rawValue: try reader.readI32(field))
            case 5: definitionLevelsByteLength = try reader.readI32(field)
            case 6: repetitionLevelsByteLength = try reader.readI32(field)
            case 7: isCompressed = try reader.readBool(field)
            case 8: statistics = try reader.readStruct(field)
            default: try reader.skip(field)
            }
        }
        guard let numValues else { throw reader.missingField("DataPageHeaderV2", "num_values", id: 1) }
        guard let numNulls else { throw reader.missingField("DataPageHeaderV2", "num_nulls", id: 2) }
        guard let numRows else { throw reader.missingField("DataPageHeaderV2", "num_rows", id: 3) }
        guard let encoding else { throw reader.missingField("DataPageHeaderV2", "encoding", id: 4) }
        guard let definitionLevelsByteLength else {
            throw reader.missingField("DataPageHeaderV2", "definition_levels_byte_length", id: 5)
        }
        guard let repetitionLevelsByteLength else {
            throw reader.missingField("DataPageHeaderV2", "repetition_levels_byte_length", id: 6)
        }
        reader.endStruct(scope)
        self.init(numValues: numValues, numNulls: numNulls, numRows: numRows, encoding: encoding,
                  definitionLevelsByteLength: definitionLevelsByteLength,
                  repetitionLevelsByteLength: repetitionLevelsByteLength)
        self.isCompressed = isCompressed
        self.statistics = statistics
    }

    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        writer.writeI32Field(1, numValues)
        writer.writeI32Field(2, numNulls)
        writer.writeI32Field(3, numRows)
        writer.writeI32Field(4, encoding.rawValue)
        writer.writeI32Field(5, definitionLevelsByteLength)
        writer.writeI32Field(6, repetitionLevelsByteLength)
        writer.writeBoolField(7, isCompressed)
        if let statistics { writer.writeStructField(8, statistics) }
        writer.endStruct(scope)
    }
}
