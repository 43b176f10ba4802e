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

    private static let requiredFields: [(id: Int16, name: StaticString)] = [
        (1, "version"), (2, "schema"), (3, "num_rows"), (4, "row_groups"),
    ]

    init(thrift reader: inout ThriftCompactReader) throws {
        self.init(version: 0, schema: [], numRows: 0, rowGroups: [])
        let scope = try reader.beginStruct("FileMetaData")
        var seen = SeenFieldIDs()
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
            seen.insert(field.id)
        }
        try seen.require(Self.requiredFields, of: "FileMetaData", in: reader)
        reader.endStruct(scope)
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
