// Small structs of the footer: KeyValue, SortingColumn, PageEncodingStats.

extension KeyValue: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        let scope = try reader.beginStruct("KeyValue")
        var key: String?
        var value: String?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: key = try reader.readString(field)
            case 2: value = try reader.readString(field)
            default: try reader.skip(field)
            }
        }
        guard let key else { throw reader.missingField("KeyValue", "key", id: 1) }
        reader.endStruct(scope)
        self.init(key: key, value: value)
    }

    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        writer.writeStringField(1, key)
        if let value { writer.writeStringField(2, value) }
        writer.endStruct(scope)
    }
}

extension SortingColumn: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        let scope = try reader.beginStruct("SortingColumn")
        var columnIndex: Int32?
        var descending: Bool?
        var nullsFirst: Bool?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: columnIndex = try reader.readI32(field)
            case 2: descending = try reader.readBool(field)
            case 3: nullsFirst = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
        guard let columnIndex else { throw reader.missingField("SortingColumn", "column_idx", id: 1) }
        guard let descending else { throw reader.missingField("SortingColumn", "descending", id: 2) }
        guard let nullsFirst else { throw reader.missingField("SortingColumn", "nulls_first", id: 3) }
        reader.endStruct(scope)
        self.init(columnIndex: columnIndex, descending: descending, nullsFirst: nullsFirst)
    }

    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        writer.writeI32Field(1, columnIndex)
        writer.writeBoolField(2, descending)
        writer.writeBoolField(3, nullsFirst)
        writer.endStruct(scope)
    }
}

extension PageEncodingStats: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        let scope = try reader.beginStruct("PageEncodingStats")
        var pageType: PageType?
        var encoding: Encoding?
        var count: Int32?
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: pageType = PageType(rawValue: try reader.readI32(field))
            case 2: encoding = Encoding(rawValue: try reader.readI32(field))
            case 3: count = try reader.readI32(field)
            default: try reader.skip(field)
            }
        }
        guard let pageType else { throw reader.missingField("PageEncodingStats", "page_type", id: 1) }
        guard let encoding else { throw reader.missingField("PageEncodingStats", "encoding", id: 2) }
        guard let count else { throw reader.missingField("PageEncodingStats", "count", id: 3) }
        reader.endStruct(scope)
        self.init(pageType: pageType, encoding: encoding, count: count)
    }

    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        writer.writeI32Field(1, pageType.rawValue)
        writer.writeI32Field(2, encoding.rawValue)
        writer.writeI32Field(3, count)
        writer.endStruct(scope)
    }
}
