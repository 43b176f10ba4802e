/// A bounds-checked read position over the encoded bytes of one page.
///
/// Every read checks the bytes that remain and throws ``ParquetError`` (kind
/// `corruptData`) instead of reading past the end.
struct DecodeCursor {
    let bytes: UnsafeRawBufferPointer
    private(set) var position: Int

    init(_ bytes: UnsafeRawBufferPointer, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var remaining: Int { bytes.count - position }
    var isAtEnd: Bool { position >= bytes.count }

    /// The bytes from the current position to the end.
    var rest: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[position...]) }

    mutating func readByte() throws -> UInt8 {
        guard position < bytes.count else { throw DecodeCursor.truncated("a byte") }
        defer { position += 1 }
        return bytes[position]
    }

    /// An unsigned LEB128 varint of at most 10 bytes.
    mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw DecodeCursor.truncated("a varint") }
            let byte = bytes[position]
            position += 1
            if shift == 63 && byte > 1 { throw ParquetError(.corruptData, "varint overflows 64 bits") }
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            if shift > 63 { throw ParquetError(.corruptData, "varint longer than 10 bytes") }
        }
    }

    /// A zigzag-encoded signed varint.
    mutating func readZigzag() throws -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// A varint that must fit `0...limit`, named `what` in the error.
    mutating func readCount(_ what: String, limit: Int = Int(Int32.max)) throws -> Int {
        let raw = try readVarint()
        guard raw <= UInt64(limit) else { throw ParquetError(.corruptData, "\(what) \(raw) exceeds \(limit)") }
        return Int(raw)
    }

    mutating func readUInt32LE() throws -> UInt32 {
        guard remaining >= 4 else { throw DecodeCursor.truncated("a 4-byte length") }
        defer { position += 4 }
        return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self))
    }

    /// The next `count` bytes, without copying.
    mutating func readBytes(_ count: Int) throws -> UnsafeRawBufferPointer {
        guard count >= 0, count <= remaining else {
            throw ParquetError(.corruptData, "needs \(count) bytes but only \(remaining) remain")
        }
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<(position + count)])
    }

    mutating func skip(_ count: Int) throws { _ = try readBytes(count) }

    static func truncated(_ what: String) -> ParquetError {
        ParquetError(.corruptData, "data ends before \(what)")
    }
}
