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

    private static let requiredFields: [(id: Int16, name: StaticString)] = [
        (1, "type"), (2, "uncompressed_page_size"), (3, "compressed_page_size"),
    ]

    init(thrift reader: inout ThriftCompactReader) throws {
        self.init(type: .dataPage, uncompressedPageSize: 0, compressedPageSize: 0)
        let scope = try reader.beginStruct("PageHeader")
        var seen = SeenFieldIDs()
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
            seen.insert(field.id)
        }
        try seen.require(Self.requiredFields, of: "PageHeader", in: reader)
        reader.endStruct(scope)
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
    private static let requiredFields: [(id: Int16, name: StaticString)] = [
        (1, "num_values"), (2, "encoding"), (3, "definition_level_encoding"), (4, "repetition_level_encoding"),
    ]

    init(thrift reader: inout ThriftCompactReader) throws {
        self.init(numValues: 0, encoding: .plain, definitionLevelEncoding: .rle, repetitionLevelEncoding: .rle)
        let scope = try reader.beginStruct("DataPageHeader")
        var seen = SeenFieldIDs()
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: numValues = try reader.readI32(field)
            case 2: encoding = Encoding(rawValue: try reader.readI32(field))
            case 3: definitionLevelEncoding = Encoding(rawValue: try reader.readI32(field))
            case 4: repetitionLevelEncoding = Encoding(rawValue: try reader.readI32(field))
            case 5: statistics = try reader.readStruct(field)
            default: try reader.skip(field)
            }
            seen.insert(field.id)
        }
        try seen.require(Self.requiredFields, of: "DataPageHeader", in: reader)
        reader.endStruct(scope)
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
    private static let requiredFields: [(id: Int16, name: StaticString)] = [(1, "num_values"), (2, "encoding")]

    init(thrift reader: inout ThriftCompactReader) throws {
        self.init(numValues: 0, encoding: .plain)
        let scope = try reader.beginStruct("DictionaryPageHeader")
        var seen = SeenFieldIDs()
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: numValues = try reader.readI32(field)
            case 2: encoding = Encoding(rawValue: try reader.readI32(field))
            case 3: isSorted = try reader.readBool(field)
            default: try reader.skip(field)
            }
            seen.insert(field.id)
        }
        try seen.require(Self.requiredFields, of: "DictionaryPageHeader", in: reader)
        reader.endStruct(scope)
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
    private static let requiredFields: [(id: Int16, name: StaticString)] = [
        (1, "num_values"), (2, "num_nulls"), (3, "num_rows"), (4, "encoding"),
        (5, "definition_levels_byte_length"), (6, "repetition_levels_byte_length"),
    ]

    init(thrift reader: inout ThriftCompactReader) throws {
        // is_compressed (7) defaults to true.
        self.init(numValues: 0, numNulls: 0, numRows: 0, encoding: .plain,
                  definitionLevelsByteLength: 0, repetitionLevelsByteLength: 0)
        let scope = try reader.beginStruct("DataPageHeaderV2")
        var seen = SeenFieldIDs()
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
            seen.insert(field.id)
        }
        try seen.require(Self.requiredFields, of: "DataPageHeaderV2", in: reader)
        reader.endStruct(scope)
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
