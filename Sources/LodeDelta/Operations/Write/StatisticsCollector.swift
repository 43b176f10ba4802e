import LodeCore

/// Gathers a data file's statistics over the batches written to it and renders
/// them as the `stats` JSON of its `add` (PROTOCOL.md §Per-file Statistics):
/// `numRecords`, and for the first `indexedColumns` leaf columns `minValues`,
/// `maxValues` and `nullCount`, nested like the schema.
///
/// Bounds follow Spark: strings keep a 32-character prefix (a cut maximum ends in
/// U+10FFFF so it still bounds the data), timestamps are truncated to milliseconds
/// (`2024-01-31T12:00:00.000Z`), NaN is ignored and infinite bounds are left out.
/// Binary, list and map columns get null counts only (lists and maps not even that).
struct StatisticsCollector {
    static let stringPrefix = 32

    /// A primitive column reached through zero or more structs.
    struct Leaf {
        var path: [String]
        /// Field indices from the top-level column down.
        var indices: [Int]
        var type: DataType
        var bounded: Bool
    }

    enum Bound {
        case int(Int64)
        case double(Double)
        case decimal(Int128)
        case bytes([UInt8])
        case bool(Bool)
    }

    struct Accumulator {
        var min: Bound?
        var max: Bound?
        var nulls: Int64 = 0
    }

    let schema: Schema
    private(set) var leaves: [Leaf] = []
    private var accumulators: [Accumulator] = []
    private(set) var rows: Int64 = 0

    init(schema: Schema, indexedColumns: Int) {
        self.schema = schema
        var leaves: [Leaf] = []
        func visit(_ field: Field, path: [String], indices: [Int]) {
            guard leaves.count < indexedColumns else { return }
            switch field.type {
            case .struct(let children):
                for (i, child) in children.enumerated() { visit(child, path: path + [child.name], indices: indices + [i]) }
            case .list, .map:
                return
            case .binary:
                leaves.append(Leaf(path: path, indices: indices, type: field.type, bounded: false))
            default:
                leaves.append(Leaf(path: path, indices: indices, type: field.type, bounded: true))
            }
        }
        for (i, field) in schema.fields.enumerated() { visit(field, path: [field.name], indices: [i]) }
        self.leaves = leaves
        accumulators = Array(repeating: Accumulator(), count: leaves.count)
    }

    mutating func add(_ batch: RecordBatch) {
        rows += Int64(batch.count)
        for (index, leaf) in leaves.enumerated() {
            var array: any ColumnArray = batch.columns[leaf.indices[0]]
            var parentValidity: Bitmap? = nil
            for child in leaf.indices.dropFirst() {
                guard let parent = array as? StructArray else { break }
                parentValidity = combined(parentValidity, parent.validity)
                array = parent.children[child]
            }
            let validity = combined(parentValidity, array.validity)
            accumulate(array, validity: validity, into: &accumulators[index], bounded: leaf.bounded)
        }
    }

    /// The statistics as JSON text.
    func json() -> String {
        var mins: [([String], JSONValue)] = [], maxs: [([String], JSONValue)] = [], nulls: [([String], JSONValue)] = []
        for (leaf, acc) in zip(leaves, accumulators) {
            nulls.append((leaf.path, .int(acc.nulls)))
            if let min = acc.min, let value = jsonValue(min, type: leaf.type, isMax: false) { mins.append((leaf.path, value)) }
            if let max = acc.max, let value = jsonValue(max, type: leaf.type, isMax: true) { maxs.append((leaf.path, value)) }
        }
        var root = JSONObject()
        root.append("numRecords", .int(rows))
        root.append("minValues", nested(mins[...]))
        root.append("maxValues", nested(maxs[...]))
        root.append("nullCount", nested(nulls[...]))
        return JSONValue.object(root).serialized()
    }

    /// Values by path as nested objects; paths sharing a first component are adjacent.
    private func nested(_ entries: ArraySlice<([String], JSONValue)>) -> JSONValue {
        var object = JSONObject()
        var i = entries.startIndex
        while i < entries.endIndex {
            let (path, value) = entries[i]
            guard let head = path.first else { i += 1; continue }
            if path.count == 1 {
                object.append(head, value)
                i += 1
                continue
            }
            var j = i
            var children: [([String], JSONValue)] = []
            while j < entries.endIndex, entries[j].0.count > 1, entries[j].0.first == head {
                children.append((Array(entries[j].0.dropFirst()), entries[j].1))
                j += 1
            }
            object.append(head, nested(children[...]))
            i = j
        }
        return .object(object)
    }

    // MARK: Accumulating

    private func combined(_ a: Bitmap?, _ b: Bitmap?) -> Bitmap? {
        guard let a else { return b }
        guard let b else { return a }
        return Bitmap(words: zip(a.words, b.words).map { $0 & $1 }, count: a.count)
    }

    private func accumulate(_ array: any ColumnArray, validity: Bitmap?, into acc: inout Accumulator, bounded: Bool) {
        if let validity { acc.nulls += Int64(validity.count - validity.setCount) }
        guard bounded else { return }
        func valid(_ i: Int) -> Bool { validity.map { $0[i] } ?? true }
        func integers<T: FixedWidthValue & BinaryInteger>(_ a: PrimitiveArray<T>) {
            var lo: T?, hi: T?
            a.storage.withUnsafeBufferPointer { values in
                for i in 0..<values.count where valid(i) {
                    let v = values[i]
                    if lo.map({ v < $0 }) ?? true { lo = v }
                    if hi.map({ v > $0 }) ?? true { hi = v }
                }
            }
            if let lo, let hi {
                merge(&acc, .int(Int64(lo)), .int(Int64(hi)))
            }
        }
        func floats<T: FixedWidthValue & BinaryFloatingPoint>(_ a: PrimitiveArray<T>) {
            var lo: Double?, hi: Double?
            a.storage.withUnsafeBufferPointer { values in
                for i in 0..<values.count where valid(i) {
                    let v = Double(values[i])
                    if v.isNaN { continue }
                    if lo.map({ v < $0 }) ?? true { lo = v }
                    if hi.map({ v > $0 }) ?? true { hi = v }
                }
            }
            if let lo, let hi { merge(&acc, .double(lo), .double(hi)) }
        }
        switch array {
        case let a as PrimitiveArray<Int8>: integers(a)
        case let a as PrimitiveArray<Int16>: integers(a)
        case let a as PrimitiveArray<Int32>: integers(a)
        case let a as PrimitiveArray<Int64>: integers(a)
        case let a as PrimitiveArray<Float>: floats(a)
        case let a as PrimitiveArray<Double>: floats(a)
        case let a as PrimitiveArray<Int128>:
            var lo: Int128?, hi: Int128?
            for i in 0..<a.count where valid(i) {
                let v = a.storage[i]
                if lo.map({ v < $0 }) ?? true { lo = v }
                if hi.map({ v > $0 }) ?? true { hi = v }
            }
            if let lo, let hi { merge(&acc, .decimal(lo), .decimal(hi)) }
        case let a as BooleanArray:
            var sawTrue = false, sawFalse = false
            for i in 0..<a.count where valid(i) {
                if a.storage[i] { sawTrue = true } else { sawFalse = true }
            }
            if sawTrue || sawFalse { merge(&acc, .bool(!sawFalse), .bool(sawTrue)) }
        case let a as BinaryArray:
            var lo: Range<Int>?, hi: Range<Int>?
            a.bytes.withUnsafeBufferPointer { bytes in
                func less(_ x: Range<Int>, _ y: Range<Int>) -> Bool {
                    lexicographicallyLess(UnsafeBufferPointer(rebasing: bytes[x]), UnsafeBufferPointer(rebasing: bytes[y]))
                }
                for i in 0..<a.count where valid(i) {
                    let r = Int(a.offsets[i])..<Int(a.offsets[i + 1])
                    if lo.map({ less(r, $0) }) ?? true { lo = r }
                    if hi.map({ less($0, r) }) ?? true { hi = r }
                }
            }
            if let lo, let hi { merge(&acc, .bytes(Array(a.bytes[lo])), .bytes(Array(a.bytes[hi]))) }
        default:
            break
        }
    }

    private func merge(_ acc: inout Accumulator, _ lo: Bound, _ hi: Bound) {
        if let current = acc.min { if isLess(lo, current) { acc.min = lo } } else { acc.min = lo }
        if let current = acc.max { if isLess(current, hi) { acc.max = hi } } else { acc.max = hi }
    }

    private func isLess(_ a: Bound, _ b: Bound) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.double(let x), .double(let y)): return x < y
        case (.decimal(let x), .decimal(let y)): return x < y
        case (.bool(let x), .bool(let y)): return !x && y
        case (.bytes(let x), .bytes(let y)):
            return x.withUnsafeBufferPointer { xs in y.withUnsafeBufferPointer { ys in lexicographicallyLess(xs, ys) } }
        default: return false
        }
    }

    // MARK: Rendering

    private func jsonValue(_ bound: Bound, type: DataType, isMax: Bool) -> JSONValue? {
        switch (bound, type) {
        case (.int(let v), .date): return .string(Temporal.formatDate(Int32(truncatingIfNeeded: v)))
        case (.int(let v), .timestamp(let unit, let utc)): return .string(Self.timestampText(v, unit: unit, utc: utc))
        case (.int(let v), _): return .int(v)
        case (.double(let d), _): return d.isFinite ? .number(formatDouble(d)) : nil
        case (.decimal(let v), .decimal(let p, let s)): return .number(Decimal128(v, precision: p, scale: s).description)
        case (.bool(let b), _): return .bool(b)
        case (.bytes(let bytes), .string): return .string(Self.stringBound(bytes, isMax: isMax))
        default: return nil
        }
    }

    /// A string bound cut to ``stringPrefix`` characters; a cut maximum gets
    /// U+10FFFF appended so it stays above every value with that prefix.
    static func stringBound(_ bytes: [UInt8], isMax: Bool) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.unicodeScalars.count > stringPrefix else { return text }
        var prefix = String(String.UnicodeScalarView(text.unicodeScalars.prefix(stringPrefix)))
        if isMax { prefix.unicodeScalars.append("\u{10FFFF}") }
        return prefix
    }

    /// `2024-01-31T12:00:00.123Z` (no `Z` without time zone), truncated to milliseconds.
    static func timestampText(_ value: Int64, unit: TimeUnit, utc: Bool) -> String {
        let perMilli = unit.perSecond / 1000
        var millis = value / perMilli
        if value % perMilli < 0 { millis -= 1 }
        var seconds = millis / 1000
        var fraction = millis % 1000
        if fraction < 0 { fraction += 1000; seconds -= 1 }
        let whole = Temporal.formatTimestamp(seconds * 1000, unit: .millisecond).replacingFirstSpace(with: "T")
        let digits = String(fraction)
        return whole + "." + String(repeating: "0", count: 3 - digits.count) + digits + (utc ? "Z" : "")
    }
}

private func lexicographicallyLess(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
    let n = min(x.count, y.count)
    for i in 0..<n where x[i] != y[i] { return x[i] < y[i] }
    return x.count < y.count
}

private extension String {
    func replacingFirstSpace(with replacement: Character) -> String {
        guard let i = firstIndex(of: " ") else { return self }
        var copy = self
        copy.replaceSubrange(i...i, with: String(replacement))
        return copy
    }
}
