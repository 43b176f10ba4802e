// Typed field reads: each checks the field's wire type before reading its value.

extension ThriftCompactReader {
    @inline(__always)
    mutating func readBool(_ field: ThriftFieldHeader) throws -> Bool {
        guard field.type.isBoolean else { throw wrongType(field, expected: .booleanTrue) }
        return field.booleanValue
    }

    @inline(__always)
    mutating func readI8(_ field: ThriftFieldHeader) throws -> Int8 {
        try expect(field, .i8)
        return try readI8()
    }

    @inline(__always)
    mutating func readI16(_ field: ThriftFieldHeader) throws -> Int16 {
        try expect(field, .i16)
        return try readI16()
    }

    @inline(__always)
    mutating func readI32(_ field: ThriftFieldHeader) throws -> Int32 {
        try expect(field, .i32)
        return try readI32()
    }

    @inline(__always)
    mutating func readI64(_ field: ThriftFieldHeader) throws -> Int64 {
        try expect(field, .i64)
        return try readI64()
    }

    @inline(__always)
    mutating func readBinary(_ field: ThriftFieldHeader) throws -> [UInt8] {
        try expect(field, .binary)
        return try readBinary()
    }

    @inline(__always)
    mutating func readString(_ field: ThriftFieldHeader) throws -> String {
        try expect(field, .binary)
        return try readString()
    }

    @inline(__always)
    mutating func readStruct<T: ThriftDecodable>(_ field: ThriftFieldHeader, as type: T.Type = T.self) throws -> T {
        try expect(field, .struct)
        return try T(thrift: &self)
    }

    /// A list field whose elements all have `elementType`, each read by `readElement`.
    @inline(__always)
    mutating func readList<T>(_ field: ThriftFieldHeader, of elementType: ThriftType,
                              _ readElement: (inout ThriftCompactReader) throws -> T) throws -> [T] {
        guard field.type == .list || field.type == .set else { throw wrongType(field, expected: .list) }
        let header = try readListHeader()
        if header.count == 0 { return [] }
        guard header.elementType == elementType
              || (header.elementType.isBoolean && elementType.isBoolean) else {
            throw corrupt("field \(field.id) is a list of \(header.elementType.name), expected \(elementType.name)")
        }
        var elements: [T] = []
        // The count is bounded by the bytes left, not by the size of T: reserve modestly.
        elements.reserveCapacity(Swift.min(header.count, 1 << 12))
        for _ in 0..<header.count {
            elements.append(try readElement(&self))
        }
        return elements
    }

    @inline(__always)
    mutating func readStructList<T: ThriftDecodable>(_ field: ThriftFieldHeader, of type: T.Type = T.self) throws -> [T] {
        try readList(field, of: .struct) { reader in try T(thrift: &reader) }
    }

    @inline(__always)
    mutating func readStringList(_ field: ThriftFieldHeader) throws -> [String] {
        try readList(field, of: .binary) { reader in try reader.readString() }
    }
}
