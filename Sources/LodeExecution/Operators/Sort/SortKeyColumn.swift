import Foundation
import LodeCore

/// The values of one sort key in a form that compares fast: integers, dates, timestamps,
/// booleans and floats become order-preserving `Int64`s (NaN after every number, -0 equal
/// to 0), decimals stay `Int128`, strings and blobs compare bytewise.
struct SortKeyColumn {
    enum Values {
        case integers([Int64])
        case decimals([Int128])
        case bytes(BinaryArray)
        /// Nested values, compared boxed.
        case boxed([Value])
    }

    var values: Values
    var validity: Bitmap?
    var ascending: Bool
    var nullsFirst: Bool

    init(_ array: any ColumnArray, ascending: Bool, nullsFirst: Bool) {
        self.validity = array.validity
        self.ascending = ascending
        self.nullsFirst = nullsFirst
        switch array {
        case let a as PrimitiveArray<Int64>: values = .integers(a.storage)
        case let a as PrimitiveArray<Int32>: values = .integers(a.storage.map(Int64.init))
        case let a as PrimitiveArray<Int16>: values = .integers(a.storage.map(Int64.init))
        case let a as PrimitiveArray<Int8>: values = .integers(a.storage.map(Int64.init))
        case let a as PrimitiveArray<Double>: values = .integers(a.storage.map(orderedBits))
        case let a as PrimitiveArray<Float>: values = .integers(a.storage.map { orderedBits(Double($0)) })
        case let a as PrimitiveArray<Int128>: values = .decimals(a.storage)
        case let a as BooleanArray: values = .integers(a.storage.map { $0 ? 1 : 0 })
        case let a as BinaryArray: values = .bytes(a)
        default: values = .boxed(array.values)
        }
    }

    var count: Int {
        switch values {
        case .integers(let v): return v.count
        case .decimals(let v): return v.count
        case .bytes(let a): return a.count
        case .boxed(let v): return v.count
        }
    }

    @inline(__always)
    func isNull(_ i: Int) -> Bool { validity.map { !$0[i] } ?? false }

    /// The order of row `i` of `self` and row `j` of `other` (a column of the same key),
    /// direction and NULL placement applied.
    @inline(__always)
    func compare(_ i: Int, _ other: SortKeyColumn, _ j: Int) -> Int {
        let nullA = isNull(i), nullB = other.isNull(j)
        if nullA || nullB {
            if nullA && nullB { return 0 }
            return nullA == nullsFirst ? -1 : 1
        }
        let order: Int
        switch (values, other.values) {
        case (.integers(let a), .integers(let b)): order = a[i] < b[j] ? -1 : (a[i] == b[j] ? 0 : 1)
        case (.decimals(let a), .decimals(let b)): order = a[i] < b[j] ? -1 : (a[i] == b[j] ? 0 : 1)
        case (.bytes(let a), .bytes(let b)):
            order = a.bytes.withUnsafeBytes { pa in
                b.bytes.withUnsafeBytes { pb in
                    compareBytes(UnsafeRawBufferPointer(rebasing: pa[Int(a.offsets[i])..<Int(a.offsets[i + 1])]),
                                 UnsafeRawBufferPointer(rebasing: pb[Int(b.offsets[j])..<Int(b.offsets[j + 1])]))
                }
            }
        case (.boxed(let a), .boxed(let b)):
            order = compareSortValues(a[i], b[j], ascending: true, nullsFirst: nullsFirst)
        default: order = 0
        }
        return ascending ? order : -order
    }

    /// The rows at `indices`, in that order.
    func taking(_ indices: [Int]) -> SortKeyColumn {
        var copy = self
        copy.validity = validity.map { bits in Bitmap(indices.lazy.map { bits[$0] }) }
        switch values {
        case .integers(let v): copy.values = .integers(v.withUnsafeBufferPointer { v in indices.map { v[$0] } })
        case .decimals(let v): copy.values = .decimals(v.withUnsafeBufferPointer { v in indices.map { v[$0] } })
        case .bytes(let a):
            if let taken = LodeCore.taking(a, indices) as? BinaryArray { copy.values = .bytes(taken) }
        case .boxed(let v): copy.values = .boxed(indices.map { v[$0] })
        }
        return copy
    }
}

/// `x`'s bits as an `Int64` that orders like `x`, NaN after +infinity and -0 as 0.
@inline(__always)
func orderedBits(_ x: Double) -> Int64 {
    let d = x.isNaN ? Double.nan : (x == 0 ? 0 : x)
    let bits = d.bitPattern
    let unsigned = bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    return Int64(bitPattern: unsigned ^ (1 << 63))
}

/// The order of row `i` of `a` and row `j` of `b` under all keys.
@inline(__always)
func compareRows(_ a: [SortKeyColumn], _ i: Int, _ b: [SortKeyColumn], _ j: Int) -> Int {
    for k in 0..<a.count {
        let order = a[k].compare(i, b[k], j)
        if order != 0 { return order }
    }
    return 0
}

/// The row order that sorts `keys` (all of `count` rows), stable: equal rows keep
/// their input order.
func sortPermutation(_ keys: [SortKeyColumn], count: Int) -> [Int] {
    if keys.isEmpty { return Array(0..<count) }
    if keys.count == 1, count <= Int(Int32.max), case .integers(let values) = keys[0].values {
        return sortPermutation(integers: values, keys[0])
    }
    if keys.count > 1, keys.allSatisfy({ $0.normalizedWidth != nil }) {
        return sortPermutation(normalized: keys, count: count)
    }
    var indices = Array(0..<count)
    indices.sort { i, j in
        let order = compareRows(keys, i, keys, j)
        return order != 0 ? order < 0 : i < j
    }
    return indices
}

/// The stable order of fixed-width keys, each row's keys encoded as bytes that compare
/// with `memcmp` in the keys' order (NULL placement, direction and sign folded in).
private func sortPermutation(normalized keys: [SortKeyColumn], count: Int) -> [Int] {
    let width = keys.reduce(0) { $0 + ($1.normalizedWidth ?? 0) }
    var rows = [UInt8](repeating: 0, count: count * width)
    var offset = 0
    for key in keys {
        key.encode(into: &rows, at: offset, stride: width)
        offset += key.normalizedWidth ?? 0
    }
    var indices = Array(0..<count)
    rows.withUnsafeBytes { rows in
        guard let base = rows.baseAddress else { return }
        indices.sort { i, j in
            let order = memcmp(base + i * width, base + j * width, width)
            return order != 0 ? order < 0 : i < j
        }
    }
    return indices
}

extension SortKeyColumn {
    /// Bytes per row in the normalized encoding; `nil` for variable-width keys.
    var normalizedWidth: Int? {
        switch values {
        case .integers: return 9
        case .decimals: return 17
        case .bytes, .boxed: return nil
        }
    }

    /// Writes every row's NULL byte and big-endian, sign-flipped (and for a descending key
    /// inverted) value at `offset` of its `stride`-byte row.
    func encode(into rows: inout [UInt8], at offset: Int, stride: Int) {
        let nullByte: UInt8 = nullsFirst ? 0 : 2
        rows.withUnsafeMutableBytes { rows in
            func put(_ word: UInt64, _ at: Int) {
                let bits = ascending ? word : ~word
                rows.storeBytes(of: bits.bigEndian, toByteOffset: at, as: UInt64.self)
            }
            switch values {
            case .integers(let values):
                for i in 0..<values.count {
                    let at = i * stride + offset
                    if isNull(i) { rows[at] = nullByte; continue }
                    rows[at] = 1
                    put(UInt64(bitPattern: values[i]) ^ (1 << 63), at + 1)
                }
            case .decimals(let values):
                for i in 0..<values.count {
                    let at = i * stride + offset
                    if isNull(i) { rows[at] = nullByte; continue }
                    rows[at] = 1
                    put(UInt64(truncatingIfNeeded: values[i] >> 64) ^ (1 << 63), at + 1)
                    put(UInt64(truncatingIfNeeded: values[i]), at + 9)
                }
            case .bytes, .boxed: break
            }
        }
    }
}

/// The stable order of one integer key: NULLs apart, the others sorted as (key, row) pairs.
private func sortPermutation(integers values: [Int64], _ key: SortKeyColumn) -> [Int] {
    var nulls: [Int] = []
    var pairs: [(UInt64, Int32)] = []
    pairs.reserveCapacity(values.count)
    values.withUnsafeBufferPointer { values in
        for i in 0..<values.count {
            if key.isNull(i) { nulls.append(i); continue }
            let biased = UInt64(bitPattern: values[i]) ^ (1 << 63)
            pairs.append((key.ascending ? biased : ~biased, Int32(truncatingIfNeeded: i)))
        }
    }
    pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    let sorted = pairs.map { Int($0.1) }
    return key.nullsFirst ? nulls + sorted : sorted + nulls
}
