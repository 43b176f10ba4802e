// ColumnChunk and the ColumnMetaData it carries.

extension ColumnChunk: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        let scope = try reader.beginStruct("ColumnChunk")
        var filePath: String?
        // Deprecated and declared `= 0` in parquet.thrift: tolerated when absent.
        var fileOffset: Int64 = 0
        var metaData: ColumnMetaData?
        var offsetIndexOffset: Int64?
        var offsetIndexLength: Int32?
        var columnIndexOffset: Int64?
        var columnIndexLength: Int32?
        var isEncrypted = false
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: filePath = try reader.readString(field)
            case 2: fileOffset = try reader.readI64(field)
            case 3: metaData = try reader.readStruct(field)
            case 4: offsetIndexOffset = try reader.readI64(field)
            case 5: offsetIndexLength = try reader.readI32(field)
            case 6: columnIndexOffset = try reader.readI64(field)
            case 7: columnIndexLength = try reader.readI32(field)
            case 8, 9:
                isEncrypted = true
                try reader.skip(field)
            default: try reader.skip(field)
            }
        }
        reader.endStruct(scope)
        self.init(fileOffset: fileOffset, metaData: metaData)
        self.filePath = filePath
        self.offsetIndexOffset = offsetIndexOffset
        self.offsetIndexLength = offsetIndexLength
        self.columnIndexOffset = columnIndexOffset
        self.columnIndexLength = columnIndexLength
        self.isEncrypted = isEncrypted
    }

    /// Writes the chunk; ``isEncrypted`` is not written (Lode writes no encrypted files).
    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        if let filePath { writer.writeStringField(1, filePath) }
        writer.writeI64Field(2, fileOffset)
        if let metaData { writer.writeStructField(3, metaData) }
        if let offsetIndexOffset { writer.writeI64Field(4, offsetIndexOffset) }
        if let offsetIndexLength { writer.writeI32Field(5, offsetIndexLength) }
        if let columnIndexOffset { writer.writeI64Field(6, columnIndexOffset) }
        if let columnIndexLength { writer.writeI32Field(7, columnIndexLength) }
        writer.endStruct(scope)
    }
}

extension ColumnMetaData: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        let scope = try reader.beginStruct("ColumnMetaData")
        var type: PhysicalType?
        var encodings: [Encoding]?
        var pathInSchema: [String]?
        var codec: CompressionCodec?
        var numValues: Int64?
        var totalUncompressedSize: Int64?
        var totalCompressedSize: Int64?
        var keyValueMetadata: [KeyValue]?
        var dataPageOffset: Int64?
        var indexPageOffset: Int64?
        var dictionaryPageOffset: Int64?
        var statistics: Statistics?
        var encodingStats: [PageEncodingStats]?
        var bloomFilterOffset: Int64?
        var bloomFilterLength: Int32?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: type = PhysicalType(rawValue: try reader.readI32(field))
            case 2: encodings = try reader.readList(field, of: .i32) { Encoding(rawValue: try $0.readI32()) }
            case 3: pathInSchema = try reader.readStringList(field)
            case 4: codec = CompressionCodec(rawValue: try reader.readI32(field))
            case 5: numValues = try reader.readI64(field)
            case 6: totalUncompressedSize = try reader.readI64(field)
            case 7: totalCompressedSize = try reader.readI64(field)
            case 8: keyValueMetadata = try reader.readStructList(field)
            case 9: dataPageOffset = try reader.readI64(field)
            case 10: indexPageOffset = try reader.readI64(field)
            case 11: dictionaryPageOffset = try reader.readI64(field)
            case 12: statistics = try reader.readStruct(field)
            case 13: encodingStats = try reader.readStructList(field)
            case 14: bloomFilterOffset = try reader.readI64(field)
            case 15: bloomFilterLength = try reader.readI32(field)
            default: try reader.skip(field)  // 16 SizeStatistics, 17 GeospatialStatistics, newer fields
            }
        }
        guard let type else { throw reader.missingField("ColumnMetaData", "type", id: 1) }
        guard let encodings else { throw reader.missingField("ColumnMetaData", "encodings", id: 2) }
        guard let pathInSchema else { throw reader.missingField("ColumnMetaData", "path_in_schema", id: 3) }
        guard let codec else { throw reader.missingField("ColumnMetaData", "codec", id: 4) }
        guard let numValues else { throw reader.missingField("ColumnMetaData", "num_values", id: 5) }
        guard let totalUncompressedSize else {
            throw reader.missingField("ColumnMetaData", "total_uncompressed_size", id: 6)
        }
        guard let totalCompressedSize else {
            throw reader.missingField("ColumnMetaData", "total_compressed_size", id: 7)
        }
        guard let dataPageOffset else { throw reader.missingField("ColumnMetaData", "data_page_offset", id: 9) }
        reader.endStruct(scope)
        self.init(type: type, encodings: encodings, pathInSchema: pathInSchema, codec: codec,
                  numValues: numValues, totalUncompressedSize: totalUncompressedSize,
                  totalCompressedSize: totalCompressedSize, dataPageOffset: dataPageOffset)
        self.keyValueMetadata = keyValueMetadata
        self.indexPageOffset = indexPageOffset
        self.dictionaryPageOffset = dictionaryPageOffset
        self.statistics = statistics
        self.encodingStats = encodingStats
        self.bloomFilterOffset = bloomFilterOffset
        self.bloomFilterLength = bloomFilterLength
    }

    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        writer.writeI32Field(1, type.rawValue)
        writer.writeListField(2, of: .i32, encodings) { writer, encoding in writer.writeI32(encoding.rawValue) }
        writer.writeStringListField(3, pathInSchema)
        writer.writeI32Field(4, codec.rawValue)
        writer.writeI64Field(5, numValues)
        writer.writeI64Field(6, totalUncompressedSize)
        writer.writeI64Field(7, totalCompressedSize)
        if let keyValueMetadata { writer.writeStructListField(8, keyValueMetadata) }
        writer.writeI64Field(9, dataPageOffset)
        if let indexPageOffset { writer.writeI64Field(10, indexPageOffset) }
        if let dictionaryPageOffset { writer.writeI64Field(11, dictionaryPageOffset) }
        if let statistics { writer.writeStructField(12, statistics) }
        if let encodingStats { writer.writeStructListField(13, encodingStats) }
        if let bloomFilterOffset { writer.writeI64Field(14, bloomFilterOffset) }
        if let bloomFilterLength { writer.writeI32Field(15, bloomFilterLength) }
        writer.endStruct(scope)
    }
}
