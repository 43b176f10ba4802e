import LodeCore

/// Encodes the values of one leaf column, page by page, for one column chunk at a time:
/// through a dictionary while it stays under its size limit, PLAIN otherwise.
///
/// The owning ``ColumnChunkWriter`` feeds values with ``append(_:_:)``, asks for the
/// page bytes with ``flushPage(into:)`` when a page is full, and at the end of the
/// chunk takes the dictionary page and the statistics before ``resetChunk()``.
protocol ValueEncoder: AnyObject {
    /// Adds the values in `selection` of `array` to the current page.
    func append(_ array: any ColumnArray, _ selection: ValueSelection) throws
    /// The encoded size of the current page's values, estimated.
    var pageByteEstimate: Int { get }
    /// Size of the chunk's dictionary in PLAIN encoding so far (0 without one).
    var dictionaryByteCount: Int { get }
    /// Whether the dictionary has outgrown its limit: the current page should be flushed
    /// and the rest of the chunk written PLAIN (``fallBackToPlain()``).
    var dictionaryIsFull: Bool { get }
    /// Switches to PLAIN for the rest of the chunk; the current page must be empty.
    func fallBackToPlain()
    /// Appends the current page's encoded values to `out`, empties the page and returns
    /// the encoding used.
    func flushPage(into out: inout [UInt8]) -> Encoding
    /// The PLAIN-encoded dictionary of the chunk and its entry count, or `nil` when no
    /// page of the chunk used it.
    func dictionaryPage() -> (body: [UInt8], count: Int)?
    /// The chunk's smallest and largest value in PLAIN encoding (without length prefix),
    /// or `nil` when it holds no ordered value.
    func statisticsBounds() -> (min: [UInt8], max: [UInt8])?
    /// Forgets the chunk's dictionary and statistics and goes back to dictionary encoding.
    func resetChunk()
}

/// A physical Parquet value type as Swift holds it: `Int32` (INT32), `Int64` (INT64),
/// `Float`, `Double` and `Int128` (FIXED_LEN_BYTE_ARRAY decimals).
protocol PhysicalEncodable: Equatable {
    /// An unsigned integer of the same size, for hashing and comparing bit patterns.
    associatedtype Bits: FixedWidthInteger & UnsignedInteger
    /// Whether the value has no place in the order (NaN) and is left out of statistics.
    var isUnordered: Bool { get }
    /// The type's statistics order: signed for integers and decimals, IEEE for floats.
    static func precedes(_ a: Self, _ b: Self) -> Bool
    /// Appends values in PLAIN encoding, `byteWidth` bytes each.
    static func appendPlain(_ values: UnsafeBufferPointer<Self>, byteWidth: Int, to out: inout [UInt8])
    /// The PLAIN encoding of one value, as statistics store it.
    func plainBytes(byteWidth: Int) -> [UInt8]
    /// Adjusts the bounds of the statistics: a zero minimum is written `-0.0` and a zero
    /// maximum `+0.0`, as the specification asks of floats.
    static func statisticsBounds(min: Self, max: Self) -> (Self, Self)
}

extension PhysicalEncodable {
    var isUnordered: Bool { false }

    static func appendPlain(_ values: UnsafeBufferPointer<Self>, byteWidth: Int, to out: inout [UInt8]) {
        PlainEncoder.appendFixedWidth(values, to: &out)
    }

    func plainBytes(byteWidth: Int) -> [UInt8] { withUnsafeBytes(of: self) { Array($0) } }

    static func statisticsBounds(min: Self, max: Self) -> (Self, Self) { (min, max) }
}

extension Int32: PhysicalEncodable {
    typealias Bits = UInt32
    @inline(__always) static func precedes(_ a: Int32, _ b: Int32) -> Bool { a < b }
}

extension Int64: PhysicalEncodable {
    typealias Bits = UInt64
    @inline(__always) static func precedes(_ a: Int64, _ b: Int64) -> Bool { a < b }
}

extension Float: PhysicalEncodable {
    typealias Bits = UInt32
    var isUnordered: Bool { isNaN }
    @inline(__always) static func precedes(_ a: Float, _ b: Float) -> Bool { a < b }
    static func statisticsBounds(min: Float, max: Float) -> (Float, Float) {
        (min == 0 ? -0.0 : min, max == 0 ? 0.0 : max)
    }
}

extension Double: PhysicalEncodable {
    typealias Bits = UInt64
    var isUnordered: Bool { isNaN }
    @inline(__always) static func precedes(_ a: Double, _ b: Double) -> Bool { a < b }
    static func statisticsBounds(min: Double, max: Double) -> (Double, Double) {
        (min == 0 ? -0.0 : min, max == 0 ? 0.0 : max)
    }
}

extension Int128: PhysicalEncodable {
    typealias Bits = UInt128
    @inline(__always) static func precedes(_ a: Int128, _ b: Int128) -> Bool { a < b }
    static func appendPlain(_ values: UnsafeBufferPointer<Int128>, byteWidth: Int, to out: inout [UInt8]) {
        PlainEncoder.appendBigEndian(values, byteWidth: byteWidth, to: &out)
    }
    func plainBytes(byteWidth: Int) -> [UInt8] { PlainEncoder.bigEndianBytes(self, byteWidth: byteWidth) }
}
