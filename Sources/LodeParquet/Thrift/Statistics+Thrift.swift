extension Statistics: ThriftCodable {
    init(thrift reader: inout ThriftCompactReader) throws {
        self.init()
        let scope = try reader.beginStruct("Statistics")
        while let field = try reader.readFieldHeader() {
            switch field.id {
            case 1: max = try reader.readBinary(field)
            case 2: min = try reader.readBinary(field)
            case 3: nullCount = try reader.readI64(field)
            case 4: distinctCount = try reader.readI64(field)
            case 5: maxValue = try reader.readBinary(field)
            case 6: minValue = try reader.readBinary(field)
            case 7: isMaxValueExact = try reader.readBool(field)
            case 8: isMinValueExact = try reader.readBool(field)
            default: try reader.skip(field)
            }
        }
        reader.endStruct(scope)
    }

    func write(to writer: inout ThriftCompactWriter) {
        let scope = writer.beginStruct()
        if let max { writer.writeBinaryField(1, max) }
        if let min { writer.writeBinaryField(2, min) }
        if let nullCount { writer.writeI64Field(3, nullCount) }
        if let distinctCount { writer.writeI64Field(4, distinctCount) }
        if let maxValue { writer.writeBinaryField(5, maxValue) }
        if let minValue { writer.writeBinaryField(6, minValue) }
        if let isMaxValueExact { writer.writeBoolField(7, isMaxValueExact) }
        if let isMinValueExact { writer.writeBoolField(8, isMinValueExact) }
        writer.endStruct(scope)
    }
}
