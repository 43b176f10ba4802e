/// Reads Thrift compact protocol values from a byte buffer, checking every
/// length, count and nesting level against the bytes actually present.
///
/// Struct decoders drive it field by field:
///
/// ```swift
/// let scope = try reader.beginStruct("KeyValue")
/// while let field = try reader.readFieldHeader() {
///     switch field.id {
///     case 1: key = try reader.readString(field)
///     default: try reader.skip(field)
///     }
/// }
/// reader.endStruct(scope)
/// ```
///
/// Every failure throws ``ParquetError`` of kind `corruptMetadata` naming what
/// was wrong, in which struct and at which byte; nothing read from the data can
/// trap, hang or allocate more than the input could describe.
struct ThriftCompactReader {
    /// Deepest nesting of structs, lists and maps accepted before giving up.
    static let maximumDepth = 64

    let bytes: UnsafeRawBufferPointer
    /// Offset of the next unread byte.
    private(set) var position: Int = 0
    /// What the bytes are ("footer", "page header"), for error messages.
    let subject: StaticString
    private var lastFieldID: Int16 = 0
    private var depth = 0
    private var structName: StaticString = ""

    init(_ bytes: UnsafeRawBufferPointer, subject: StaticString) {
        self.bytes = bytes
        self.subject = subject
    }

    /// Bytes not yet read.
    @inline(__always)
    var remaining: Int { bytes.count - position }

    // MARK: Errors

    /// An error about the data at the current position.
    func corrupt(_ message: String) -> ParquetError {
        let location = structName.utf8CodeUnitCount == 0 ? "at" : "in \(structName) at"
        return ParquetError(.corruptMetadata, "\(message) (\(location) byte \(position) of the \(subject))")
    }

    /// The error for a required field that never appeared.
    func missingField(_ structName: StaticString, _ fieldName: StaticString, id: Int16) -> ParquetError {
        ParquetError(.corruptMetadata,
                     "\(structName) is missing required field '\(fieldName)' (\(id)) (at byte \(position) of the \(subject))")
    }

    /// "the 120 bytes left in the footer", for size errors.
    private var bytesLeft: String {
        "the \(remaining) \(remaining == 1 ? "byte" : "bytes") left in the \(subject)"
    }

    private func truncated(_ what: StaticString) -> ParquetError {
        corrupt("the \(subject) ends inside \(what)")
    }

    // MARK: Structs

    /// Saved state of the enclosing struct while a nested one is read.
    struct Scope {
        fileprivate var lastFieldID: Int16
        fileprivate var name: StaticString
    }

    /// Enters a struct: field id deltas restart from zero.
    @inline(__always)
    mutating func beginStruct(_ name: StaticString) throws -> Scope {
        guard depth < Self.maximumDepth else {
            throw corrupt("nesting deeper than \(Self.maximumDepth) levels")
        }
        depth += 1
        let scope = Scope(lastFieldID: lastFieldID, name: structName)
        lastFieldID = 0
        structName = name
        return scope
    }

    /// Leaves a struct whose stop byte has been read, restoring the enclosing one.
    @inline(__always)
    mutating func endStruct(_ scope: Scope) {
        depth -= 1
        lastFieldID = scope.lastFieldID
        structName = scope.name
    }

    /// The next field header, or nil at the struct's stop byte.
    @inline(__always)
    mutating func readFieldHeader() throws -> ThriftFieldHeader? {
        guard position < bytes.count else { throw truncated("a struct") }
        let byte = bytes[position]
        position += 1
        if byte == 0 { return nil }
        guard let type = ThriftType(rawValue: byte & 0x0F), type != .stop else {
            throw corrupt("invalid field type \(byte & 0x0F)")
        }
        let delta = byte >> 4
        let id: Int16
        if delta != 0 {
            let next = Int(lastFieldID) + Int(delta)
            guard next <= Int(Int16.max) else { throw corrupt("field id \(next) is out of range") }
            id = Int16(truncatingIfNeeded: next)
        } else {
            id = try readI16()
        }
        lastFieldID = id
        return ThriftFieldHeader(id: id, type: type)
    }

    /// Throws unless `field` has the wire type the schema gives it.
    @inline(__always)
    func expect(_ field: ThriftFieldHeader, _ type: ThriftType) throws {
        guard field.type == type else { throw wrongType(field, expected: type) }
    }

    func wrongType(_ field: ThriftFieldHeader, expected: ThriftType) -> ParquetError {
        corrupt("field \(field.id) has type \(field.type.name), expected \(expected.name)")
    }

    // MARK: Scalars

    @inline(__always)
    mutating func readByte() throws -> UInt8 {
        guard position < bytes.count else { throw truncated("a value") }
        let byte = bytes[position]
        position += 1
        return byte
    }

    /// An unsigned LEB128 varint of at most 10 bytes.
    @inline(__always)
    mutating func readVarint() throws -> UInt64 {
        guard position < bytes.count else { throw truncated("a varint") }
        let first = bytes[position]
        position += 1
        if first < 0x80 { return UInt64(first) }
        return try readVarintTail(UInt64(first & 0x7F))
    }

    private mutating func readVarintTail(_ low: UInt64) throws -> UInt64 {
        var result = low
        var shift: UInt64 = 7
        while true {
            guard position < bytes.count else { throw truncated("a varint") }
            let byte = bytes[position]
            position += 1
            // The tenth byte holds bit 63 only; anything more overflows.
            if shift == 63 && byte > 1 { throw corrupt("varint overflows 64 bits") }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// A varint that must fit 32 bits, as used for sizes and zigzag i32.
    @inline(__always)
    mutating func readVarint32() throws -> UInt32 {
        let value = try readVarint()
        guard value <= UInt64(UInt32.max) else { throw corrupt("varint \(value) overflows 32 bits") }
        return UInt32(truncatingIfNeeded: value)
    }

    @inline(__always)
    mutating func readI8() throws -> Int8 {
        Int8(bitPattern: try readByte())
    }

    @inline(__always)
    mutating func readI16() throws -> Int16 {
        let value = try readI32()
        guard let narrow = Int16(exactly: value) else { throw corrupt("i16 value \(value) is out of range") }
        return narrow
    }

    @inline(__always)
    mutating func readI32() throws -> Int32 {
        let zigzag = try readVarint32()
        return Int32(bitPattern: zigzag >> 1) ^ (0 &- Int32(bitPattern: zigzag & 1))
    }

    @inline(__always)
    mutating func readI64() throws -> Int64 {
        let zigzag = try readVarint()
        return Int64(bitPattern: zigzag >> 1) ^ (0 &- Int64(bitPattern: zigzag & 1))
    }

    /// A double, little-endian (unlike the binary protocol).
    mutating func readDouble() throws -> Double {
        guard remaining >= 8 else { throw truncated("a double") }
        let bits = bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self)
        position += 8
        return Double(bitPattern: UInt64(littleEndian: bits))
    }

    /// A bool inside a list, set or map: one byte, 1 for true.
    @inline(__always)
    mutating func readBoolElement() throws -> Bool {
        try readByte() == 1
    }

    /// The bytes of a binary or string value, without copying.
    @inline(__always)
    mutating func readBinarySlice() throws -> UnsafeRawBufferPointer {
        let length = try readVarint32()
        guard Int(length) <= remaining else {
            throw corrupt("binary of \(length) bytes exceeds \(bytesLeft)")
        }
        let start = position
        position += Int(length)
        return UnsafeRawBufferPointer(rebasing: bytes[start..<position])
    }

    @inline(__always)
    mutating func readBinary() throws -> [UInt8] {
        [UInt8](try readBinarySlice())
    }

    /// A string; invalid UTF-8 is repaired with replacement characters.
    @inline(__always)
    mutating func readString() throws -> String {
        String(decoding: try readBinarySlice(), as: UTF8.self)
    }

    // MARK: Collections

    /// A list or set header; the count is checked against the bytes left.
    mutating func readListHeader() throws -> ThriftListHeader {
        let byte = try readByte()
        let shortCount = byte >> 4
        let count: Int
        if shortCount == 15 {
            let long = try readVarint32()
            guard long <= UInt32(Int32.max) else {
                throw corrupt("list of \(long) elements exceeds \(bytesLeft)")
            }
            count = Int(long)
        } else {
            count = Int(shortCount)
        }
        guard let elementType = ThriftType(rawValue: byte & 0x0F), elementType != .stop else {
            if count == 0 { return ThriftListHeader(elementType: .stop, count: 0) }
            throw corrupt("invalid list element type \(byte & 0x0F)")
        }
        guard count <= remaining / elementType.minimumElementSize else {
            throw corrupt("list of \(count) elements exceeds \(bytesLeft)")
        }
        return ThriftListHeader(elementType: elementType, count: count)
    }

    /// A map header; the count is checked against the bytes left.
    mutating func readMapHeader() throws -> ThriftMapHeader {
        let count = try readVarint32()
        if count == 0 { return ThriftMapHeader(keyType: .stop, valueType: .stop, count: 0) }
        let types = try readByte()
        guard let keyType = ThriftType(rawValue: types >> 4), keyType != .stop,
              let valueType = ThriftType(rawValue: types & 0x0F), valueType != .stop else {
            throw corrupt("invalid map key/value types \(types >> 4)/\(types & 0x0F)")
        }
        let entrySize = keyType.minimumElementSize + valueType.minimumElementSize
        guard Int(count) <= remaining / entrySize else {
            throw corrupt("map of \(count) entries exceeds \(bytesLeft)")
        }
        return ThriftMapHeader(keyType: keyType, valueType: valueType, count: Int(count))
    }

    // MARK: Skipping

    /// Skips the value of a field this decoder does not know.
    @inline(__always)
    mutating func skip(_ field: ThriftFieldHeader) throws {
        if field.type.isBoolean { return }
        try skipValue(field.type)
    }

    /// Skips one value of any type; booleans are taken as list elements (one byte).
    mutating func skipValue(_ type: ThriftType) throws {
        switch type {
        case .stop:
            throw corrupt("invalid value type 0")
        case .booleanTrue, .booleanFalse, .i8:
            try skipBytes(1)
        case .i16, .i32, .i64:
            _ = try readVarint()
        case .double:
            try skipBytes(8)
        case .uuid:
            try skipBytes(16)
        case .binary:
            _ = try readBinarySlice()
        case .struct:
            let scope = try beginStruct("a skipped struct")
            while let field = try readFieldHeader() {
                try skip(field)
            }
            endStruct(scope)
        case .list, .set:
            let header = try readListHeader()
            try enterCollection()
            for _ in 0..<header.count {
                try skipValue(header.elementType)
            }
            depth -= 1
        case .map:
            let header = try readMapHeader()
            try enterCollection()
            for _ in 0..<header.count {
                try skipValue(header.keyType)
                try skipValue(header.valueType)
            }
            depth -= 1
        }
    }

    private mutating func enterCollection() throws {
        guard depth < Self.maximumDepth else {
            throw corrupt("nesting deeper than \(Self.maximumDepth) levels")
        }
        depth += 1
    }

    private mutating func skipBytes(_ count: Int) throws {
        guard remaining >= count else { throw truncated("a value") }
        position += count
    }
}
