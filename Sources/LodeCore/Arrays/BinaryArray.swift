/// A column of variable-length byte strings: UTF-8 text (``DataType/string``) or
/// raw bytes (``DataType/binary``).
///
/// Value `i` is `bytes[offsets[i] ..< offsets[i + 1]]`; `offsets` has `count + 1`
/// entries and starts at zero.
public struct BinaryArray: ColumnArray {
    public let dataType: DataType
    public var offsets: [Int32]
    public var bytes: [UInt8]
    public var validity: Bitmap?

    public init(_ dataType: DataType = .string, offsets: [Int32], bytes: [UInt8], validity: Bitmap? = nil) {
        precondition(!offsets.isEmpty, "offsets need a leading zero")
        precondition(validity == nil || validity!.count == offsets.count - 1, "validity length mismatch")
        self.dataType = dataType
        self.offsets = offsets
        self.bytes = bytes
        self.validity = normalized(validity)
    }

    /// A string array from optionals, `nil` giving a null slot.
    public init(strings: [String?]) {
        var builder = BinaryBuilder(.string)
        for s in strings {
            if let s { builder.append(s) } else { builder.appendNull() }
        }
        self = builder.finish()
    }

    public var count: Int { offsets.count - 1 }

    /// The byte length of value `index`.
    @inline(__always)
    public func length(at index: Int) -> Int { Int(offsets[index + 1] - offsets[index]) }

    /// The bytes of value `index`.
    @inline(__always)
    public func bytes(at index: Int) -> ArraySlice<UInt8> {
        bytes[Int(offsets[index])..<Int(offsets[index + 1])]
    }

    /// Value `index` decoded as UTF-8 (invalid sequences repaired).
    public func string(at index: Int) -> String {
        let start = Int(offsets[index]), end = Int(offsets[index + 1])
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    public func value(at index: Int) -> Value {
        if isNull(index) { return .null }
        return dataType == .binary ? .binary(Array(bytes(at: index))) : .string(string(at: index))
    }

    public func slice(_ range: Range<Int>) -> any ColumnArray {
        let base = offsets[range.lowerBound]
        let newOffsets = offsets[range.lowerBound...range.upperBound].map { $0 - base }
        let newBytes = Array(bytes[Int(base)..<Int(offsets[range.upperBound])])
        return BinaryArray(dataType, offsets: newOffsets, bytes: newBytes, validity: validity?.slice(range))
    }
}
