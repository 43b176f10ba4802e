import LodeCore

/// Encodes a column of fixed-width values: Lode `Source` values from a
/// ``PrimitiveArray`` stored as the physical `Value` type.
///
/// The protocol's entry points are specialized for every pair the writer uses, so
/// the per-value loops never run through generic witnesses.
///
/// When `Source` and `Value` are the same type and the values are contiguous, they
/// are encoded straight from the array's storage; otherwise they are first gathered
/// (and converted) into a reused scratch buffer.
final class FixedWidthValueEncoder<Source: FixedWidthValue, Value: PhysicalEncodable>: ValueEncoder {
    /// Copies the selected values of the storage into the scratch buffer, converted;
    /// returns `false` if a value does not fit the physical type.
    typealias Gather = (UnsafeBufferPointer<Source>, ValueSelection, inout [Value]) -> Bool

    private let column: String
    private let byteWidth: Int
    private let gather: Gather
    /// Whether contiguous values can be encoded from the storage as they are.
    private let directCopy: Bool
    private let dictionaryEnabled: Bool
    private let dictionaryLimit: Int
    private let statisticsEnabled: Bool

    private let dictionary = FixedWidthDictionaryEncoder<Value.Bits>()
    private var usingDictionary: Bool
    private var dictionaryUsed = false
    private var indices: [UInt32] = []
    private var plain: [UInt8] = []
    private var scratch: [Value] = []
    private var minimum: Value?
    private var maximum: Value?

    init(column: String, byteWidth: Int = MemoryLayout<Value>.size, options: ParquetWriteOptions, gather: @escaping Gather) {
        self.column = column
        self.byteWidth = byteWidth
        self.gather = gather
        directCopy = Source.self == Value.self && byteWidth == MemoryLayout<Value>.size
        dictionaryEnabled = options.dictionaryEnabled
        dictionaryLimit = options.dictionaryPageSizeLimit
        statisticsEnabled = options.statisticsEnabled
        usingDictionary = options.dictionaryEnabled
    }

    @_specialize(where Source == Int8, Value == Int32)
    @_specialize(where Source == Int16, Value == Int32)
    @_specialize(where Source == Int32, Value == Int32)
    @_specialize(where Source == Int64, Value == Int64)
    @_specialize(where Source == Float, Value == Float)
    @_specialize(where Source == Double, Value == Double)
    @_specialize(where Source == Int128, Value == Int32)
    @_specialize(where Source == Int128, Value == Int64)
    @_specialize(where Source == Int128, Value == Int128)
    func append(_ array: any ColumnArray, _ selection: ValueSelection) throws {
        guard let array = array as? PrimitiveArray<Source> else {
            throw ParquetError(.invalidArgument, "expected \(Source.self) values, found \(type(of: array))", column: column)
        }
        try array.storage.withUnsafeBufferPointer { storage in
            if directCopy, case .range(let range) = selection {
                UnsafeBufferPointer(rebasing: storage[range]).withMemoryRebound(to: Value.self) { consume($0) }
                return
            }
            scratch.removeAll(keepingCapacity: true)
            guard gather(storage, selection, &scratch) else {
                throw ParquetError(.invalidArgument, "a value does not fit the column's Parquet type \(Value.self)",
                                   column: column)
            }
            scratch.withUnsafeBufferPointer { consume($0) }
        }
    }

    private func consume(_ values: UnsafeBufferPointer<Value>) {
        guard !values.isEmpty else { return }
        if usingDictionary {
            UnsafeRawBufferPointer(values).withMemoryRebound(to: Value.Bits.self) { bits in
                dictionary.encode(bits, into: &indices)
            }
        } else {
            Value.appendPlain(values, byteWidth: byteWidth, to: &plain)
            if statisticsEnabled { updateBounds(values) }
        }
    }

    private func updateBounds(_ values: UnsafeBufferPointer<Value>) {
        var k = 0
        let count = values.count
        var low: Value, high: Value
        if let l = minimum, let h = maximum {
            low = l
            high = h
        } else {
            while k < count && values[k].isUnordered { k += 1 }
            guard k < count else { return }
            low = values[k]
            high = low
            k += 1
        }
        // An unordered value (NaN) precedes nothing and nothing precedes it, so it
        // leaves the bounds alone without a test of its own.
        while k < count {
            let v = values[k]
            if Value.precedes(v, low) { low = v }
            if Value.precedes(high, v) { high = v }
            k &+= 1
        }
        minimum = low
        maximum = high
    }

    var pageByteEstimate: Int {
        if usingDictionary {
            let width = RLEHybridEncoder.bitWidth(forMaxValue: UInt64(max(dictionary.count, 1)))
            return indices.count * width / 8 + 1
        }
        return plain.count
    }

    var dictionaryByteCount: Int { dictionary.count * byteWidth }

    var dictionaryIsFull: Bool { usingDictionary && dictionaryByteCount >= dictionaryLimit }

    func fallBackToPlain() { usingDictionary = false }

    @_specialize(where Source == Int8, Value == Int32)
    @_specialize(where Source == Int16, Value == Int32)
    @_specialize(where Source == Int32, Value == Int32)
    @_specialize(where Source == Int64, Value == Int64)
    @_specialize(where Source == Float, Value == Float)
    @_specialize(where Source == Double, Value == Double)
    @_specialize(where Source == Int128, Value == Int32)
    @_specialize(where Source == Int128, Value == Int64)
    @_specialize(where Source == Int128, Value == Int128)
    func flushPage(into out: inout [UInt8]) -> Encoding {
        if usingDictionary && !indices.isEmpty {
            dictionaryUsed = true
            let width = max(1, RLEHybridEncoder.bitWidth(forMaxValue: UInt64(dictionary.count - 1)))
            out.append(UInt8(width))
            indices.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: width, into: &out) }
            indices.removeAll(keepingCapacity: true)
            return .rleDictionary
        }
        out.append(contentsOf: plain)
        plain.removeAll(keepingCapacity: true)
        return .plain
    }

    @_specialize(where Source == Int8, Value == Int32)
    @_specialize(where Source == Int16, Value == Int32)
    @_specialize(where Source == Int32, Value == Int32)
    @_specialize(where Source == Int64, Value == Int64)
    @_specialize(where Source == Float, Value == Float)
    @_specialize(where Source == Double, Value == Double)
    @_specialize(where Source == Int128, Value == Int32)
    @_specialize(where Source == Int128, Value == Int64)
    @_specialize(where Source == Int128, Value == Int128)
    func dictionaryPage() -> (body: [UInt8], count: Int)? {
        guard dictionaryUsed else { return nil }
        var body: [UInt8] = []
        body.reserveCapacity(dictionary.count * byteWidth)
        UnsafeRawBufferPointer(dictionary.entries).withMemoryRebound(to: Value.self) { entries in
            Value.appendPlain(entries, byteWidth: byteWidth, to: &body)
        }
        return (body, dictionary.count)
    }

    @_specialize(where Source == Int8, Value == Int32)
    @_specialize(where Source == Int16, Value == Int32)
    @_specialize(where Source == Int32, Value == Int32)
    @_specialize(where Source == Int64, Value == Int64)
    @_specialize(where Source == Float, Value == Float)
    @_specialize(where Source == Double, Value == Double)
    @_specialize(where Source == Int128, Value == Int32)
    @_specialize(where Source == Int128, Value == Int64)
    @_specialize(where Source == Int128, Value == Int128)
    func statisticsBounds() -> (min: [UInt8], max: [UInt8])? {
        guard statisticsEnabled else { return nil }
        if dictionaryUsed {
            UnsafeRawBufferPointer(dictionary.entries).withMemoryRebound(to: Value.self) { updateBounds($0) }
        }
        guard let low = minimum, let high = maximum else { return nil }
        let (l, h) = Value.statisticsBounds(min: low, max: high)
        return (l.plainBytes(byteWidth: byteWidth), h.plainBytes(byteWidth: byteWidth))
    }

    func resetChunk() {
        dictionary.removeAll()
        usingDictionary = dictionaryEnabled
        dictionaryUsed = false
        indices.removeAll(keepingCapacity: true)
        plain.removeAll(keepingCapacity: true)
        minimum = nil
        maximum = nil
    }
}

/// Gathers selected values unchanged.
func gatherSame<T>(_ storage: UnsafeBufferPointer<T>, _ selection: ValueSelection, _ out: inout [T]) -> Bool {
    out.reserveCapacity(selection.count)
    selection.forEach { out.append(storage[$0]) }
    return true
}

/// Gathers selected integers converted to another width, failing on one that does not fit.
func gatherIntegers<S: FixedWidthInteger, V: FixedWidthInteger>(
    _ storage: UnsafeBufferPointer<S>, _ selection: ValueSelection, _ out: inout [V]
) -> Bool {
    out.reserveCapacity(selection.count)
    var fits = true
    selection.forEach { i in
        let v = storage[i]
        let converted = V(truncatingIfNeeded: v)
        if S(truncatingIfNeeded: converted) != v { fits = false }
        out.append(converted)
    }
    return fits
}

/// Gathers selected decimals, failing on one that does not fit `byteWidth` bytes.
func gatherDecimals(_ storage: UnsafeBufferPointer<Int128>, _ selection: ValueSelection, byteWidth: Int,
                    _ out: inout [Int128]) -> Bool {
    out.reserveCapacity(selection.count)
    let shift = Int128(8 * byteWidth - 1)
    var fits = true
    selection.forEach { i in
        let v = storage[i]
        let sign = v >> shift
        if sign != 0 && sign != -1 { fits = false }
        out.append(v)
    }
    return fits
}
