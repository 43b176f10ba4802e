/// Accumulates values into a ``PrimitiveArray``.
public struct PrimitiveBuilder<T: FixedWidthValue> {
    public let dataType: DataType
    public var storage: [T] = []
    public var validity = Bitmap(count: 0, value: false)

    public init(_ dataType: DataType, capacity: Int = 0) {
        self.dataType = dataType
        storage.reserveCapacity(capacity)
        validity.reserveCapacity(capacity)
    }

    public var count: Int { storage.count }

    @inline(__always) public mutating func append(_ value: T) {
        storage.append(value)
        validity.append(true)
    }

    @inline(__always) public mutating func appendNull() {
        storage.append(.zero)
        validity.append(false)
    }

    public func finish() -> PrimitiveArray<T> { PrimitiveArray(dataType, storage: storage, validity: validity) }
}

/// Accumulates values into a ``BooleanArray``.
public struct BooleanBuilder {
    public var storage: [Bool] = []
    public var validity = Bitmap(count: 0, value: false)

    public init(capacity: Int = 0) { storage.reserveCapacity(capacity) }

    public var count: Int { storage.count }
    public mutating func append(_ value: Bool) { storage.append(value); validity.append(true) }
    public mutating func appendNull() { storage.append(false); validity.append(false) }
    public func finish() -> BooleanArray { BooleanArray(storage: storage, validity: validity) }
}

/// Accumulates byte strings into a ``BinaryArray``.
public struct BinaryBuilder {
    public let dataType: DataType
    public var offsets: [Int32] = [0]
    public var bytes: [UInt8] = []
    public var validity = Bitmap(count: 0, value: false)

    public init(_ dataType: DataType = .string, capacity: Int = 0) {
        self.dataType = dataType
        offsets.reserveCapacity(capacity + 1)
    }

    public var count: Int { offsets.count - 1 }

    public mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    public mutating func append<C: Collection>(_ value: C) where C.Element == UInt8 {
        bytes.append(contentsOf: value)
        offsets.append(Int32(bytes.count))
        validity.append(true)
    }

    public mutating func append(_ value: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: value)
        offsets.append(Int32(bytes.count))
        validity.append(true)
    }

    public mutating func appendNull() {
        offsets.append(Int32(bytes.count))
        validity.append(false)
    }

    public func finish() -> BinaryArray { BinaryArray(dataType, offsets: offsets, bytes: bytes, validity: validity) }
}

/// Builds an array of any type from boxed values: the slow, general path used by
/// row-oriented readers and tests.
public struct ValueArrayBuilder {
    public let dataType: DataType
    private var values: [Value] = []

    public init(_ dataType: DataType) { self.dataType = dataType }

    public var count: Int { values.count }

    /// Appends `value`, which must be ``Value/null`` or of the builder's type.
    public mutating func append(_ value: Value) { values.append(value) }

    public func finish() throws -> any ColumnArray { try makeArray(dataType, values) }
}

/// An array of `type` from boxed values; throws ``CoreError`` on a value of another type.
public func makeArray(_ type: DataType, _ values: [Value]) throws -> any ColumnArray {
    func mismatch(_ v: Value) -> CoreError {
        CoreError(.typeMismatch, "value \(v) does not fit type \(type)")
    }
    func ints<T: FixedWidthInteger & FixedWidthValue>(_: T.Type) throws -> any ColumnArray {
        var b = PrimitiveBuilder<T>(type, capacity: values.count)
        for v in values {
            switch v {
            case .null: b.appendNull()
            case .int(let i):
                guard let x = T(exactly: i) else { throw CoreError(.overflow, "\(i) is out of range for \(type)") }
                b.append(x)
            case .date(let d) where type == .date: b.append(T(d))
            case .timestamp(let t, _, _): b.append(T(t))
            default: throw mismatch(v)
            }
        }
        return b.finish()
    }
    switch type {
    case .boolean:
        var b = BooleanBuilder(capacity: values.count)
        for v in values {
            switch v {
            case .null: b.appendNull()
            case .boolean(let x): b.append(x)
            default: throw mismatch(v)
            }
        }
        return b.finish()
    case .int8: return try ints(Int8.self)
    case .int16: return try ints(Int16.self)
    case .int32, .date: return try ints(Int32.self)
    case .int64, .timestamp: return try ints(Int64.self)
    case .float32, .float64:
        var d = [Double?]()
        for v in values {
            switch v {
            case .null: d.append(nil)
            case .double(let x): d.append(x)
            case .int(let x): d.append(Double(x))
            default: throw mismatch(v)
            }
        }
        if type == .float32 { return PrimitiveArray<Float>(type, d.map { $0.map(Float.init) }) }
        return PrimitiveArray<Double>(type, d)
    case .decimal:
        var b = PrimitiveBuilder<Int128>(type, capacity: values.count)
        for v in values {
            switch v {
            case .null: b.appendNull()
            case .decimal(let x): b.append(x.unscaled)
            default: throw mismatch(v)
            }
        }
        return b.finish()
    case .string, .binary:
        var b = BinaryBuilder(type, capacity: values.count)
        for v in values {
            switch v {
            case .null: b.appendNull()
            case .string(let s): b.append(s)
            case .binary(let bytes): b.append(bytes)
            default: throw mismatch(v)
            }
        }
        return b.finish()
    case .struct(let fields):
        var columns = Array(repeating: [Value](), count: fields.count)
        var validity = Bitmap(count: 0, value: false)
        for v in values {
            switch v {
            case .null:
                validity.append(false)
                for i in fields.indices { columns[i].append(.null) }
            case .struct(let items) where items.count == fields.count:
                validity.append(true)
                for i in fields.indices { columns[i].append(items[i]) }
            default: throw mismatch(v)
            }
        }
        let children = try zip(fields, columns).map { try makeArray($0.type, $1) }
        return StructArray(type, children: children, count: values.count, validity: validity)
    case .list(let item):
        var offsets: [Int32] = [0]
        var items = [Value]()
        var validity = Bitmap(count: 0, value: false)
        for v in values {
            switch v {
            case .null: validity.append(false)
            case .list(let xs): validity.append(true); items += xs
            default: throw mismatch(v)
            }
            offsets.append(Int32(items.count))
        }
        return ListArray(type, offsets: offsets, child: try makeArray(item.type, items), validity: validity)
    case .map(let key, let value):
        var offsets: [Int32] = [0]
        var keys = [Value](), vals = [Value]()
        var validity = Bitmap(count: 0, value: false)
        for v in values {
            switch v {
            case .null: validity.append(false)
            case .map(let ks, let vs): validity.append(true); keys += ks; vals += vs
            default: throw mismatch(v)
            }
            offsets.append(Int32(keys.count))
        }
        let entryType = DataType.struct([key, value])
        let entries = StructArray(entryType, children: [try makeArray(key.type, keys), try makeArray(value.type, vals)],
                                  count: keys.count)
        return ListArray(type, offsets: offsets, child: entries, validity: validity)
    }
}
