extension RowGroup: ThriftCodable {
    private static let requiredFields: [(id: Int16, name: StaticString)] = [
        (1, "columns"), (2, "total_byte_size"), (3, "num_rows"),
    ]

    init(thrift reader: inout ThriftCompactReader) throws {
        self.init(columns: [], totalByteSize: 0, numRows: 0)
        let scope = try reader.beginStruct("RowGroup")
        var seen = SeenFieldIDs()
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: columns = try reader.readStructList(field)
            case 2: totalByteSize = try reader.readI64(field)
            case 3: numRows = try reader.readI64(field)
            case 4: sortingColumns = try reader.readStructList(field)
            case 5: fileOffset = try reader.readI64(field)
            case 6: totalCompressedSize = try reader.readI64(field)
            case 7: ordinal = try reader.readI16(field)
            default: try reader.skip(field)
            }
            seen.insert(field.id)
        }
        try seen.require(Self.requiredFields, of: "RowGroup", in: reader)
        reader.endStruct(scope)
    }

    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        writer.writeStructListField(1, columns)
        writer.writeI64Field(2, totalByteSize)
        writer.writeI64Field(3, numRows)
        if let sortingColumns { writer.writeStructListField(4, sortingColumns) }
        if let fileOffset { writer.writeI64Field(5, fileOffset) }
        if let totalCompressedSize { writer.writeI64Field(6, totalCompressedSize) }
        if let ordinal { writer.writeI16Field(7, ordinal) }
        writer.endStruct(scope)
    }
}
