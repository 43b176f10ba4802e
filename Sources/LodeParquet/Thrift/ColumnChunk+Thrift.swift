// ColumnChunk and the ColumnMetaData it carries.

extension ColumnChunk: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        // file_offset is deprecated and declared `= 0` in parquet.thrift: tolerated when absent.
        self.init(fileOffset: 0, metaData: nil)
        let scope = try reader.beginStruct("ColumnChunk")
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
    private static let requiredFields: [(id: Int16, name: StaticString)] = [
        (1, "type"), (2, "encodings"), (3, "path_in_schema"), (4, "codec"), (5, "num_values"),
        (6, "total_uncompressed_size"), (7, "total_compressed_size"), (9, "data_page_offset"),
    ]

    init(thrift reader: inout ThriftCompactReader) throws {
        self.init(type: .boolean, encodings: [], pathInSchema: [], codec: .uncompressed,
                  numValues: 0, totalUncompressedSize: 0, totalCompressedSize: 0, dataPageOffset: 0)
        let scope = try reader.beginStruct("ColumnMetaData")
        var seen = SeenFieldIDs()
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
            seen.insert(field.id)
        }
        try seen.require(Self.requiredFields, of: "ColumnMetaData", in: reader)
        reader.endStruct(scope)
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
