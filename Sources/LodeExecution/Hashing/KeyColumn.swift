import LodeCore

/// One key column in a form that hashes and compares by SQL value.
///
/// Every fixed-width type of up to 64 bits becomes one `Int64` word (integers, dates and
/// timestamps widened, booleans 0 or 1, floats as the bits of a `Double` with `-0.0` and
/// NaN made canonical), decimals stay `Int128`, strings and binaries keep their bytes, and
/// nested values fall back to boxed ``Value``s; ``form`` says which field holds them. Null slots are marked in ``validity``;
/// their stored value is never read.
struct KeyColumn {
    /// Which of the storage fields holds the keys.
    enum Form: Equatable {
        /// ``words``.
        case words
        /// ``wide``.
        case wide
        /// ``offsets`` (`count + 1` entries from zero) into ``data``.
        case bytes
        /// ``boxed``.
        case boxed
    }

    /// The type of the column the keys were read from, which ``materialize()`` restores.
    let type: DataType
    let form: Form
    var words: [Int64] = []
    var wide: [Int128] = []
    var offsets: [Int] = [0]
    var data: [UInt8] = []
    var boxed: [Value] = []
    /// Set for valid slots; `nil` when none is null.
    var validity: Bitmap?
    private(set) var count: Int

    /// The keys of `array`, sharing its buffers where the form is the same.
    init(_ array: any ColumnArray) {
        type = array.dataType
        validity = array.validity
        count = array.count
        switch array {
        case let a as PrimitiveArray<Int64>: form = .words; words = a.storage
        case let a as PrimitiveArray<Int32>: form = .words; words = a.storage.map { Int64($0) }
        case let a as PrimitiveArray<Int16>: form = .words; words = a.storage.map { Int64($0) }
        case let a as PrimitiveArray<Int8>: form = .words; words = a.storage.map { Int64($0) }
        case let a as PrimitiveArray<Double>: form = .words; words = a.storage.map(KeyColumn.canonicalWord)
        case let a as PrimitiveArray<Float>: form = .words; words = a.storage.map { KeyColumn.canonicalWord(Double($0)) }
        case let a as PrimitiveArray<Int128>: form = .wide; wide = a.storage
        case let a as BooleanArray: form = .words; words = a.storage.map { $0 ? 1 : 0 }
        case let a as BinaryArray: form = .bytes; offsets = a.offsets.map { Int($0) }; data = a.bytes
        default: form = .boxed; boxed = array.values
        }
    }

    /// An empty column for keys of `type`, to append to.
    init(emptyOf type: DataType) {
        self.type = type
        count = 0
        validity = nil
        switch type {
        case .boolean, .int8, .int16, .int32, .int64, .float32, .float64, .date, .timestamp: form = .words
        case .decimal: form = .wide
        case .string, .binary: form = .bytes
        case .struct, .list, .map: form = .boxed
        }
    }

    /// The same keys read as `type` (of the same form).
    func retyped(_ type: DataType) -> KeyColumn {
        var column = KeyColumn(emptyOf: type)
        column.words = words
        column.wide = wide
        column.offsets = offsets
        column.data = data
        column.boxed = boxed
        column.validity = validity
        column.count = count
        return column
    }

    /// The bits of `value` with all zeros and all NaNs made one.
    @inline(__always)
    static func canonicalWord(_ value: Double) -> Int64 {
        if value == 0 { return 0 }
        if value.isNaN { return Int64(bitPattern: Double.nan.bitPattern) }
        return Int64(bitPattern: value.bitPattern)
    }

    @inline(__always)
    func isValid(_ row: Int) -> Bool { validity.map { $0[row] } ?? true }

    /// Appends the keys of `source` at `rows`; `source` has the same storage form.
    mutating func append(_ source: KeyColumn, rows: [Int]) throws {
        guard !rows.isEmpty else { return }
        if validity != nil || source.validity != nil {
            var bits = validity ?? Bitmap(count: count, value: true)
            validity = nil
            for r in rows { bits.append(source.isValid(r)) }
            validity = bits
        }
        guard form == source.form else {
            throw ExecutionError(.internal, "key columns of types \(type) and \(source.type) cannot be compared")
        }
        switch form {
        case .words:
            source.words.withUnsafeBufferPointer { t in
                for r in rows { words.append(t[r]) }
            }
        case .wide:
            for r in rows { wide.append(source.wide[r]) }
        case .bytes:
            source.data.withUnsafeBufferPointer { d in
                for r in rows {
                    data.append(contentsOf: UnsafeBufferPointer(rebasing: d[source.offsets[r]..<source.offsets[r + 1]]))
                    offsets.append(data.count)
                }
            }
        case .boxed:
            boxed.append(contentsOf: rows.map { source.boxed[$0] })
        }
        count += rows.count
    }

    /// Bytes held.
    var memoryUsage: Int {
        let bits = (count + 7) / 8
        switch form {
        case .words: return words.count * 8 + bits
        case .wide: return wide.count * 16 + bits
        case .bytes: return offsets.count * 8 + data.count + bits
        case .boxed: return boxed.count * 48 + bits
        }
    }

    /// The keys as an array of ``type``.
    func materialize() throws -> any ColumnArray {
        func fixed<T: FixedWidthValue>(_ convert: (Int64) -> T) -> any ColumnArray {
            PrimitiveArray(type, storage: words.map(convert), validity: validity)
        }
        switch (form, type) {
        case (.words, .int64), (.words, .timestamp): return PrimitiveArray(type, storage: words, validity: validity)
        case (.words, .int32), (.words, .date): return fixed { Int32(truncatingIfNeeded: $0) }
        case (.words, .int16): return fixed { Int16(truncatingIfNeeded: $0) }
        case (.words, .int8): return fixed { Int8(truncatingIfNeeded: $0) }
        case (.words, .float64): return fixed { Double(bitPattern: UInt64(bitPattern: $0)) }
        case (.words, .float32): return fixed { Float(Double(bitPattern: UInt64(bitPattern: $0))) }
        case (.words, .boolean): return BooleanArray(storage: words.map { $0 != 0 }, validity: validity)
        case (.wide, _): return PrimitiveArray(type, storage: wide, validity: validity)
        case (.bytes, _):
            guard data.count <= Int(Int32.max) else {
                throw ExecutionError(.outOfRange, "\(formatBytes(data.count)) of \(type) keys do not fit one column")
            }
            return BinaryArray(type, offsets: offsets.map { Int32($0) }, bytes: data, validity: validity)
        case (.boxed, _):
            var masked = boxed
            for i in masked.indices where !isValid(i) { masked[i] = .null }
            do { return try makeArray(type, masked) } catch {
                throw ExecutionError(.internal, "cannot rebuild \(type) keys: \(error)")
            }
        default:
            throw ExecutionError(.internal, "no key form for \(type)")
        }
    }
}

extension KeyColumn {
    /// Whether any key column is null at each row; `nil` when no column has nulls.
    static func nullRows(_ columns: [KeyColumn], count: Int) -> [Bool]? {
        let nullable = columns.compactMap(\.validity)
        guard !nullable.isEmpty else { return nil }
        var result = [Bool](repeating: false, count: count)
        for bits in nullable {
            for row in 0..<count where !bits[row] { result[row] = true }
        }
        return result
    }
}
