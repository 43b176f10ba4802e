/// One column of values of a single ``DataType``, stored contiguously.
///
/// Concrete arrays are ``PrimitiveArray``, ``BooleanArray``, ``BinaryArray``,
/// ``StructArray`` and ``ListArray``. Hot code switches on the concrete type and works
/// on the contiguous buffers; ``value(at:)`` is the slow, boxed path for display,
/// tests and row-oriented formats.
public protocol ColumnArray: Sendable {
    var dataType: DataType { get }
    var count: Int { get }
    /// Validity bits (set = valid); `nil` when no slot is null.
    var validity: Bitmap? { get }
    /// The value at `index` as a boxed ``Value`` (``Value/null`` for a null slot).
    func value(at index: Int) -> Value
    /// The rows in `range` as a new array.
    func slice(_ range: Range<Int>) -> any ColumnArray
}

extension ColumnArray {
    @inline(__always)
    public func isNull(_ index: Int) -> Bool {
        guard let validity else { return false }
        return !validity[index]
    }

    public var nullCount: Int {
        guard let validity else { return 0 }
        return count - validity.setCount
    }

    /// All values, boxed. Meant for tests and small outputs.
    public var values: [Value] { (0..<count).map { value(at: $0) } }
}

/// A bitmap that is `nil` when every bit is set, the form arrays keep.
@inline(__always)
func normalized(_ validity: Bitmap?) -> Bitmap? {
    guard let validity, validity.setCount != validity.count else { return nil }
    return validity
}
