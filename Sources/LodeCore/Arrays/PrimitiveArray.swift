/// A fixed-width value that a ``PrimitiveArray`` stores unboxed.
public protocol FixedWidthValue: Hashable, Sendable {
    static var zero: Self { get }
    /// Boxes `self`, reading it as `type` (which gives decimals their scale,
    /// timestamps their unit).
    func boxed(as type: DataType) -> Value
}

extension Int8: FixedWidthValue { public func boxed(as type: DataType) -> Value { .int(Int64(self)) } }
extension Int16: FixedWidthValue { public func boxed(as type: DataType) -> Value { .int(Int64(self)) } }
extension Int32: FixedWidthValue {
    public func boxed(as type: DataType) -> Value { type == .date ? .date(self) : .int(Int64(self)) }
}
extension Int64: FixedWidthValue {
    public func boxed(as type: DataType) -> Value {
        if case .timestamp(let unit, let utc) = type { return .timestamp(self, unit, utc: utc) }
        return .int(self)
    }
}
extension Float: FixedWidthValue { public func boxed(as type: DataType) -> Value { .double(Double(self)) } }
extension Double: FixedWidthValue { public func boxed(as type: DataType) -> Value { .double(self) } }
extension Int128: FixedWidthValue {
    public func boxed(as type: DataType) -> Value {
        if case .decimal(let p, let s) = type { return .decimal(Decimal128(self, precision: p, scale: s)) }
        return .decimal(Decimal128(self, precision: 38, scale: 0))
    }
}

/// A column of fixed-width values: integers, floats, dates (`Int32` days),
/// timestamps (`Int64` units) and decimals (`Int128` unscaled).
///
/// Null slots hold an unspecified value (usually zero) in `storage`.
public struct PrimitiveArray<T: FixedWidthValue>: ColumnArray {
    public let dataType: DataType
    public var storage: [T]
    public var validity: Bitmap?

    public init(_ dataType: DataType, storage: [T], validity: Bitmap? = nil) {
        precondition(validity == nil || validity!.count == storage.count, "validity length mismatch")
        self.dataType = dataType
        self.storage = storage
        self.validity = normalized(validity)
    }

    /// An array from optionals, `nil` giving a null slot.
    public init(_ dataType: DataType, _ values: [T?]) {
        var validity = Bitmap(count: 0, value: false)
        validity.reserveCapacity(values.count)
        var storage = [T]()
        storage.reserveCapacity(values.count)
        for v in values {
            validity.append(v != nil)
            storage.append(v ?? .zero)
        }
        self.init(dataType, storage: storage, validity: validity)
    }

    public var count: Int { storage.count }

    public func value(at index: Int) -> Value {
        isNull(index) ? .null : storage[index].boxed(as: dataType)
    }

    public func slice(_ range: Range<Int>) -> any ColumnArray {
        PrimitiveArray(dataType, storage: Array(storage[range]), validity: validity?.slice(range))
    }
}

/// A column of booleans, one byte a value.
public struct BooleanArray: ColumnArray {
    public var storage: [Bool]
    public var validity: Bitmap?

    public init(storage: [Bool], validity: Bitmap? = nil) {
        precondition(validity == nil || validity!.count == storage.count, "validity length mismatch")
        self.storage = storage
        self.validity = normalized(validity)
    }

    public init(_ values: [Bool?]) {
        self.init(storage: values.map { $0 ?? false }, validity: Bitmap(values.map { $0 != nil }))
    }

    public var dataType: DataType { .boolean }
    public var count: Int { storage.count }

    public func value(at index: Int) -> Value { isNull(index) ? .null : .boolean(storage[index]) }

    public func slice(_ range: Range<Int>) -> any ColumnArray {
        BooleanArray(storage: Array(storage[range]), validity: validity?.slice(range))
    }
}
