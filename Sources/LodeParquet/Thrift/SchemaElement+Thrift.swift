extension SchemaElement: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        let scope = try reader.beginStruct("SchemaElement")
        var type: PhysicalType?
        var typeLength: Int32?
        var repetitionType: FieldRepetitionType?
        var name: String?
        var numChildren: Int32?
        var convertedType: ConvertedType?
        var scale: Int32?
        var precision: Int32?
        var fieldID: Int32?
        var logicalType: LogicalType?
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
        }
        guard let name else { throw reader.missingField("SchemaElement", "name", id: 4) }
        reader.endStruct(scope)
        self.init(name: name)
        self.type = type
        self.typeLength = typeLength
        self.repetitionType = repetitionType
        self.numChildren = numChildren
        self.convertedType = convertedType
        self.scale = scale
        self.precision = precision
        self.fieldID = fieldID
        self.logicalType = logicalType
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
