import LodeCore

/// One key column in a form that hashes and compares by SQL value.
///
/// Every fixed-width type of up to 64 bits becomes one `Int64` word (integers, dates and
/// timestamps widened, booleans 0 or 1, floats as the bits of a `Double` with `-0.0` and
/// NaN made canonical), decimals stay `Int128`, strings and binaries keep their bytes, and
/// nested values fall back to boxed ``Value``s. Null slots are marked in ``validity``;
/// their stored value is never read.
struct KeyColumn {
    enum Storage {
        case words([Int64])
        case wide([Int128])
        /// `offsets` has `count + 1` entries starting at zero.
        case bytes(offsets: [Int], data: [UInt8])
        case boxed([Value])
    }

    /// The type of the column the keys were read from, which ``materialize()`` restores.
    let type: DataType
    var storage: Storage
    /// Set for valid slots; `nil` when none is null.
    var validity: Bitmap?
    private(set) var count: Int

    /// The keys of `array`, sharing its buffers where the form is the same.
    init(_ array: any ColumnArray) {
        type = array.dataType
        validity = array.validity
        count = array.count
        switch array {
        case let a as PrimitiveArray<Int64>: storage = .words(a.storage)
        case let a as PrimitiveArray<Int32>: storage = .words(a.storage.map { Int64($0) })
        case let a as PrimitiveArray<Int16>: storage = .words(a.storage.map { Int64($0) })
        case let a as PrimitiveArray<Int8>: storage = .words(a.storage.map { Int64($0) })
        case let a as PrimitiveArray<Double>: storage = .words(a.storage.map(KeyColumn.canonicalWord))
        case let a as PrimitiveArray<Float>: storage = .words(a.storage.map { KeyColumn.canonicalWord(Double($0)) })
        case let a as PrimitiveArray<Int128>: storage = .wide(a.storage)
        case let a as BooleanArray: storage = .words(a.storage.map { $0 ? 1 : 0 })
        case let a as BinaryArray: storage = .bytes(offsets: a.offsets.map { Int($0) }, data: a.bytes)
        default: storage = .boxed(array.values)
        }
    }

    /// An empty column for keys of `type`, to append to.
    init(emptyOf type: DataType) {
        self.type = type
        count = 0
        validity = nil
        switch type {
        case .boolean, .int8, .int16, .int32, .int64, .float32, .float64, .date, .timestamp: storage = .words([])
        case .decimal: storage = .wide([])
        case .string, .binary: storage = .bytes(offsets: [0], data: [])
        case .struct, .list, .map: storage = .boxed([])
        }
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
            bits.reserveCapacity(count + rows.count)
            for r in rows { bits.append(source.isValid(r)) }
            validity = bits
        }
        switch (storage, source.storage) {
        case (.words(var mine), .words(let theirs)):
            storage = .words([])
            theirs.withUnsafeBufferPointer { t in mine.append(contentsOf: rows.lazy.map { t[$0] }) }
            storage = .words(mine)
        case (.wide(var mine), .wide(let theirs)):
            storage = .wide([])
            mine.append(contentsOf: rows.lazy.map { theirs[$0] })
            storage = .wide(mine)
        case (.bytes(var offsets, var data), .bytes(let sourceOffsets, let sourceData)):
            storage = .words([])
            sourceData.withUnsafeBufferPointer { d in
                for r in rows {
                    data.append(contentsOf: UnsafeBufferPointer(rebasing: d[sourceOffsets[r]..<sourceOffsets[r + 1]]))
                    offsets.append(data.count)
                }
            }
            storage = .bytes(offsets: offsets, data: data)
        case (.boxed(var mine), .boxed(let theirs)):
            storage = .words([])
            mine.append(contentsOf: rows.map { theirs[$0] })
            storage = .boxed(mine)
        default:
            throw ExecutionError(.internal, "key columns of types \(type) and \(source.type) cannot be compared")
        }
        count += rows.count
    }

    /// Bytes held.
    var memoryUsage: Int {
        let bits = (count + 7) / 8
        switch storage {
        case .words(let w): return w.count * 8 + bits
        case .wide(let w): return w.count * 16 + bits
        case .bytes(let offsets, let data): return offsets.count * 8 + data.count + bits
        case .boxed(let values): return values.count * 48 + bits
        }
    }

    /// The keys as an array of ``type``.
    func materialize() throws -> any ColumnArray {
        func fixed<T: FixedWidthValue>(_ words: [Int64], _ convert: (Int64) -> T) -> any ColumnArray {
            PrimitiveArray(type, storage: words.map(convert), validity: validity)
        }
        switch (storage, type) {
        case (.words(let w), .int64), (.words(let w), .timestamp): return PrimitiveArray(type, storage: w, validity: validity)
        case (.words(let w), .int32), (.words(let w), .date): return fixed(w) { Int32(truncatingIfNeeded: $0) }
        case (.words(let w), .int16): return fixed(w) { Int16(truncatingIfNeeded: $0) }
        case (.words(let w), .int8): return fixed(w) { Int8(truncatingIfNeeded: $0) }
        case (.words(let w), .float64): return fixed(w) { Double(bitPattern: UInt64(bitPattern: $0)) }
        case (.words(let w), .float32): return fixed(w) { Float(Double(bitPattern: UInt64(bitPattern: $0))) }
        case (.words(let w), .boolean): return BooleanArray(storage: w.map { $0 != 0 }, validity: validity)
        case (.wide(let w), _): return PrimitiveArray(type, storage: w, validity: validity)
        case (.bytes(let offsets, let data), _):
            guard data.count <= Int(Int32.max) else {
                throw ExecutionError(.outOfRange, "\(formatBytes(data.count)) of \(type) keys do not fit one column")
            }
            return BinaryArray(type, offsets: offsets.map { Int32($0) }, bytes: data, validity: validity)
        case (.boxed(let values), _):
            var masked = values
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
