extension RowGroup: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        let scope = try reader.beginStruct("RowGroup")
        var columns: [ColumnChunk]?
        var totalByteSize: Int64?
        var numRows: Int64?
        var sortingColumns: [SortingColumn]?
        var fileOffset: Int64?
        var totalCompressedSize: Int64?
        var ordinal: Int16?
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
        }
        guard let columns else { throw reader.missingField("RowGroup", "columns", id: 1) }
        guard let totalByteSize else { throw reader.missingField("RowGroup", "total_byte_size", id: 2) }
        guard let numRows else { throw reader.missingField("RowGroup", "num_rows", id: 3) }
        reader.endStruct(scope)
        self.init(columns: columns, totalByteSize: totalByteSize, numRows: numRows)
        self.sortingColumns = sortingColumns
        self.fileOffset = fileOffset
        self.totalCompressedSize = totalCompressedSize
        self.ordinal = ordinal
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
