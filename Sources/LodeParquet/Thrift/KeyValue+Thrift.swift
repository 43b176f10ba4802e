// Small structs of the footer: KeyValue, SortingColumn, PageEncodingStats.

extension KeyValue: ThriftCodable {
    private static let requiredFields: [(id: Int16, name: StaticString)] = [(1, "key")]

    init(thrift reader: inout ThriftCompactReader) throws {
        self.init(key: "", value: nil)
        let scope = try reader.beginStruct("KeyValue")
        var seen = SeenFieldIDs()
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: key = try reader.readString(field)
            case 2: value = try reader.readString(field)
            default: try reader.skip(field)
            }
            seen.insert(field.id)
        }
        try seen.require(Self.requiredFields, of: "KeyValue", in: reader)
        reader.endStruct(scope)
    }

    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        writer.writeStringField(1, key)
        if let value { writer.writeStringField(2, value) }
        writer.endStruct(scope)
    }
}

extension SortingColumn: ThriftCodable {
    private static let requiredFields: [(id: Int16, name: StaticString)] = [
        (1, "column_idx"), (2, "descending"), (3, "nulls_first"),
    ]

    init(thrift reader: inout ThriftCompactReader) throws {
        self.init(columnIndex: 0, descending: false, nullsFirst: false)
        let scope = try reader.beginStruct("SortingColumn")
        var seen = SeenFieldIDs()
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: columnIndex = try reader.readI32(field)
            case 2: descending = try reader.readBool(field)
            case 3: nullsFirst = try reader.readBool(field)
            default: try reader.skip(field)
            }
            seen.insert(field.id)
        }
        try seen.require(Self.requiredFields, of: "SortingColumn", in: reader)
        reader.endStruct(scope)
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
    private static let requiredFields: [(id: Int16, name: StaticString)] = [
        (1, "page_type"), (2, "encoding"), (3, "count"),
    ]

    init(thrift reader: inout ThriftCompactReader) throws {
        self.init(pageType: .dataPage, encoding: .plain, count: 0)
        let scope = try reader.beginStruct("PageEncodingStats")
        var seen = SeenFieldIDs()
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: pageType = PageType(rawValue: try reader.readI32(field))
            case 2: encoding = Encoding(rawValue: try reader.readI32(field))
            case 3: count = try reader.readI32(field)
            default: try reader.skip(field)
            }
            seen.insert(field.id)
        }
        try seen.require(Self.requiredFields, of: "PageEncodingStats", in: reader)
        reader.endStruct(scope)
    }

    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        writer.writeI32Field(1, pageType.rawValue)
        writer.writeI32Field(2, encoding.rawValue)
        writer.writeI32Field(3, count)
        writer.endStruct(scope)
    }
}
