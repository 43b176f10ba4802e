extension FileMetaData: ThriftCodable {
    /// Decodes a Parquet footer: the Thrift compact bytes between the last
    /// page and the trailing length and `PAR1` magic.
    ///
    /// ```swift
    /// let metadata = try footerBytes.withUnsafeBytes { try FileMetaData(thrift: $0) }
    /// ```
    ///
    /// - Throws: ``ParquetError`` of kind `corruptMetadata` naming the struct,
    ///   field and byte offset where the bytes stop making sense.
    public init(thrift bytes: UnsafeRawBufferPointer) throws {
        var reader = ThriftCompactReader(bytes, subject: "footer")
        try self.init(thrift: &reader)
    }

    /// The footer encoded in the Thrift compact protocol, as written before
    /// the trailing length and `PAR1` magic. ``isEncrypted`` is not written.
    public func thriftEncoded() -> [UInt8] {
        var writer = ThriftCompactWriter()
        write(to: &writer)
        return writer.bytes
    }

    init(thrift reader: inout ThriftCompactReader) throws {
        let scope = try reader.beginStruct("FileMetaData")
        var version: Int32?
        var schema: [SchemaElement]?
        var numRows: Int64?
        var rowGroups: [RowGroup]?
        var keyValueMetadata: [KeyValue]?
        var createdBy: String?
        var columnOrders: [ColumnOrder]?
        var isEncrypted = false
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: version = try reader.readI32(field)
            case 2: schema = try reader.readStructList(field)
            case 3: numRows = try reader.readI64(field)
            case 4: rowGroups = try reader.readStructList(field)
            case 5: keyValueMetadata = try reader.readStructList(field)
            case 6: createdBy = try reader.readString(field)
            case 7: columnOrders = try reader.readStructList(field)
            case 8:
                isEncrypted = true
                try reader.skip(field)
            default: try reader.skip(field)
            }
        }
        guard let version else { throw reader.missingField("FileMetaData", "version", id: 1) }
        guard let schema else { throw reader.missingField("FileMetaData", "schema", id: 2) }
        guard let numRows else { throw reader.missingField("FileMetaData", "num_rows", id: 3) }
        guard let rowGroups else { throw reader.missingField("FileMetaData", "row_groups", id: 4) }
        reader.endStruct(scope)
        self.init(version: version, schema: schema, numRows: numRows, rowGroups: rowGroups)
        self.keyValueMetadata = keyValueMetadata
        self.createdBy = createdBy
        self.columnOrders = columnOrders
        self.isEncrypted = isEncrypted
    }

    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        writer.writeI32Field(1, version)
        writer.writeStructListField(2, schema)
        writer.writeI64Field(3, numRows)
        writer.writeStructListField(4, rowGroups)
        if let keyValueMetadata { writer.writeStructListField(5, keyValueMetadata) }
        if let createdBy { writer.writeStringField(6, createdBy) }
        if let columnOrders { writer.writeStructListField(7, columnOrders) }
        writer.endStruct(scope)
    }
}
