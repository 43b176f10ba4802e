/// Appends Thrift compact protocol values to a byte array.
///
/// Struct encoders write their fields in increasing id order between
/// ``beginStruct()`` and ``endStruct(_:)``:
///
/// ```swift
/// let scope = writer.beginStruct()
/// writer.writeStringField(1, key)
/// if let value { writer.writeStringField(2, value) }
/// writer.endStruct(scope)
/// ```
struct ThriftCompactWriter {
    var bytes: [UInt8]
    private var lastFieldID: Int16 = 0

    init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    // MARK: Structs

    /// Enters a struct: field id deltas restart from zero. Returns the enclosing struct's state.
    @inline(__always)
    mutating func beginStruct() -> Int16 {
        let saved = lastFieldID
        lastFieldID = 0
        return saved
    }

    /// Writes the stop byte and restores the enclosing struct's state.
    @inline(__always)
    mutating func endStruct(_ saved: Int16) {
        bytes.append(0)
        lastFieldID = saved
    }

    /// A field header, in short form when the id delta is 1...15.
    @inline(__always)
    mutating func writeFieldHeader(_ id: Int16, _ type: ThriftType) {
        let delta = Int(id) - Int(lastFieldID)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(truncatingIfNeeded: delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            writeI16(id)
        }
        lastFieldID = id
    }

    // MARK: Scalars

    @inline(__always)
    mutating func writeVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    @inline(__always)
    mutating func writeI8(_ value: Int8) {
        bytes.append(UInt8(bitPattern: value))
    }

    @inline(__always)
    mutating func writeI16(_ value: Int16) {
        writeI32(Int32(value))
    }

    @inline(__always)
    mutating func writeI32(_ value: Int32) {
        writeVarint(UInt64(UInt32(bitPattern: (value << 1) ^ (value >> 31))))
    }

    @inline(__always)
    mutating func writeI64(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func writeDouble(_ value: Double) {
        var bits = value.bitPattern.littleEndian
        withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
    }

    /// A bool inside a list, set or map: one byte, 1 for true and 0 for false.
    @inline(__always)
    mutating func writeBoolElement(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    @inline(__always)
    mutating func writeBinary<Bytes: Collection>(_ value: Bytes) where Bytes.Element == UInt8 {
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    @inline(__always)
    mutating func writeString(_ value: String) {
        var value = value
        value.withUTF8 { writeBinary($0) }
    }

    // MARK: Collections

    /// A list header, in short form for fewer than 15 elements.
    @inline(__always)
    mutating func writeListHeader(_ elementType: ThriftType, count: Int) {
        if count < 15 {
            bytes.append(UInt8(truncatingIfNeeded: count) << 4 | elementType.rawValue)
        } else {
            bytes.append(0xF0 | elementType.rawValue)
            writeVarint(UInt64(count))
        }
    }

    /// A map header: a single zero byte when empty.
    mutating func writeMapHeader(keyType: ThriftType, valueType: ThriftType, count: Int) {
        writeVarint(UInt64(count))
        if count > 0 { bytes.append(keyType.rawValue << 4 | valueType.rawValue) }
    }

    // MARK: Fields

    @inline(__always)
    mutating func writeBoolField(_ id: Int16, _ value: Bool) {
        writeFieldHeader(id, value ? .booleanTrue : .booleanFalse)
    }

    @inline(__always)
    mutating func writeI8Field(_ id: Int16, _ value: Int8) {
        writeFieldHeader(id, .i8)
        writeI8(value)
    }

    @inline(__always)
    mutating func writeI16Field(_ id: Int16, _ value: Int16) {
        writeFieldHeader(id, .i16)
        writeI16(value)
    }

    @inline(__always)
    mutating func writeI32Field(_ id: Int16, _ value: Int32) {
        writeFieldHeader(id, .i32)
        writeI32(value)
    }

    @inline(__always)
    mutating func writeI64Field(_ id: Int16, _ value: Int64) {
        writeFieldHeader(id, .i64)
        writeI64(value)
    }

    @inline(__always)
    mutating func writeBinaryField(_ id: Int16, _ value: [UInt8]) {
        writeFieldHeader(id, .binary)
        writeBinary(value)
    }

    @inline(__always)
    mutating func writeStringField(_ id: Int16, _ value: String) {
        writeFieldHeader(id, .binary)
        writeString(value)
    }

    @inline(__always)
    mutating func writeStructField<T: ThriftEncodable>(_ id: Int16, _ value: T) {
        writeFieldHeader(id, .struct)
        value.write(to: &self)
    }

    /// A struct field holding an empty struct (a union member without payload).
    @inline(__always)
    mutating func writeEmptyStructField(_ id: Int16) {
        writeFieldHeader(id, .struct)
        bytes.append(0)
    }

    @inline(__always)
    mutating func writeListField<C: Collection>(_ id: Int16, of elementType: ThriftType, _ elements: C,
                                                _ writeElement: (inout ThriftCompactWriter, C.Element) -> Void) {
        writeFieldHeader(id, .list)
        writeListHeader(elementType, count: elements.count)
        for element in elements {
            writeElement(&self, element)
        }
    }

    @inline(__always)
    mutating func writeStructListField<T: ThriftEncodable>(_ id: Int16, _ elements: [T]) {
        writeListField(id, of: .struct, elements) { writer, element in element.write(to: &writer) }
    }

    @inline(__always)
    mutating func writeStringListField(_ id: Int16, _ elements: [String]) {
        writeListField(id, of: .binary, elements) { writer, element in writer.writeString(element) }
    }
}
