extension SchemaElement: ThriftCodable {
    private static let requiredFields: [(id: Int16, name: StaticString)] = [(4, "name")]

    init(thrift reader: inout ThriftCompactReader) throws {
        self.init(name: "")
        let scope = try reader.beginStruct("SchemaElement")
        var seen = SeenFieldIDs()
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: type = PhysicalType(rawValue: try reader.readI32(field))
            case 2: typeLength = try reader.readI32(field)
            case 3: repetitionType = FieldRepetitionType(rawValue: try reader.readI32(field))
            case 4: name = try reader.readString(field)
            case 5: numChildren = try reader.readI32(field)
            case 6: convertedType = ConvertedType(rawValue: try reader.readI32(field))
            case 7: scale = try reader.readI32(field)
            case 8: precision = try reader.readI32(field)
            case 9: fieldID = try reader.readI32(field)
            case 10: logicalType = try reader.readStruct(field)
            default: try reader.skip(field)
            }
            seen.insert(field.id)
        }
        try seen.require(Self.requiredFields, of: "SchemaElement", in: reader)
        reader.endStruct(scope)
    }

    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        if let type { writer.writeI32Field(1, type.rawValue) }
        if let typeLength { writer.writeI32Field(2, typeLength) }
        if let repetitionType { writer.writeI32Field(3, repetitionType.rawValue) }
        writer.writeStringField(4, name)
        if let numChildren { writer.writeI32Field(5, numChildren) }
        if let convertedType { writer.writeI32Field(6, convertedType.rawValue) }
        if let scale { writer.writeI32Field(7, scale) }
        if let precision { writer.writeI32Field(8, precision) }
        if let fieldID { writer.writeI32Field(9, fieldID) }
        if let logicalType { writer.writeStructField(10, logicalType) }
        writer.endStruct(scope)
    }
}
