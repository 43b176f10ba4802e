import Foundation
import LodeCore

/// `approx_count_distinct(x)`: distinct non-NULL values estimated with HyperLogLog over
/// 2^14 registers (about 0.8% standard error). A group keeps its exact hashes until it
/// has seen more than ``sparseLimit``, so small groups are counted exactly (up to hash
/// collisions) and cost little memory.
final class HyperLogLogAccumulator: PairwiseAccumulator {
    static let precision = 14
    static let registerCount = 1 << precision
    static let sparseLimit = 2048

    private var sparse: [Set<UInt64>] = []
    private var dense: [[UInt8]] = []
    private var denseCount = 0

    func resize(groups count: Int) throws {
        grow(&sparse, to: count, with: [])
        grow(&dense, to: count, with: [])
    }

    func update(groups: [Int32], arguments: [any ColumnArray]) throws {
        guard let column = arguments.first else { throw ExecutionError(.internal, "approx_count_distinct got no column") }
        let hashes = hashValues(column)
        for i in 0..<groups.count where !column.isNull(i) { add(hashes[i], to: Int(groups[i])) }
    }

    @inline(__always)
    private func add(_ hash: UInt64, to g: Int) {
        if dense[g].isEmpty {
            sparse[g].insert(hash)
            if sparse[g].count > Self.sparseLimit { densify(g) }
        } else {
            Self.insert(hash, into: &dense[g])
        }
    }

    private func densify(_ g: Int) {
        var registers = [UInt8](repeating: 0, count: Self.registerCount)
        for hash in sparse[g] { Self.insert(hash, into: &registers) }
        dense[g] = registers
        sparse[g] = []
        denseCount += 1
    }

    @inline(__always)
    private static func insert(_ hash: UInt64, into registers: inout [UInt8]) {
        let index = Int(hash >> UInt64(64 - precision))
        let rank = UInt8(min((hash << UInt64(precision)).leadingZeroBitCount, 64 - precision) + 1)
        if registers[index] < rank { registers[index] = rank }
    }

    func merge(_ other: any GroupedAccumulator, sources: [Int32], targets: [Int32]) throws {
        let other = try same(other)
        for i in sources.indices {
            let s = Int(sources[i]), t = Int(targets[i])
            if other.dense[s].isEmpty {
                for hash in other.sparse[s] { add(hash, to: t) }
                continue
            }
            if dense[t].isEmpty { densify(t) }
            for j in 0..<Self.registerCount where dense[t][j] < other.dense[s][j] { dense[t][j] = other.dense[s][j] }
        }
    }

    func finish() throws -> any ColumnArray {
        var out = [Int64](repeating: 0, count: sparse.count)
        for g in 0..<sparse.count { out[g] = dense[g].isEmpty ? Int64(sparse[g].count) : Self.estimate(dense[g]) }
        return PrimitiveArray<Int64>(.int64, storage: out)
    }

    /// The HyperLogLog estimate, with linear counting for small cardinalities.
    static func estimate(_ registers: [UInt8]) -> Int64 {
        let m = Double(registerCount)
        var sum = 0.0
        var zeros = 0
        for r in registers {
            sum += 1 / Double(UInt64(1) << UInt64(r))
            if r == 0 { zeros += 1 }
        }
        let alpha = 0.7213 / (1 + 1.079 / m)
        var estimate = alpha * m * m / sum
        if estimate <= 2.5 * m, zeros > 0 { estimate = m * log(m / Double(zeros)) }
        return Int64(estimate.rounded())
    }

    var memoryUsage: Int { sparse.count * 16 + denseCount * Self.registerCount }
}

/// A 64-bit hash of every slot of `column` (NULL slots hash their storage).
func hashValues(_ column: any ColumnArray) -> [UInt64] {
    func fixed<T: FixedWidthValue>(_ a: PrimitiveArray<T>, _ bits: (T) -> UInt64) -> [UInt64] {
        a.storage.map { mix64(bits($0)) }
    }
    switch column {
    case let a as PrimitiveArray<Int8>: return fixed(a) { UInt64(bitPattern: Int64($0)) }
    case let a as PrimitiveArray<Int16>: return fixed(a) { UInt64(bitPattern: Int64($0)) }
    case let a as PrimitiveArray<Int32>: return fixed(a) { UInt64(bitPattern: Int64($0)) }
    case let a as PrimitiveArray<Int64>: return fixed(a) { UInt64(bitPattern: $0) }
    case let a as PrimitiveArray<Float>: return fixed(a) { $0 == 0 ? 0 : Double($0).bitPattern }
    case let a as PrimitiveArray<Double>: return fixed(a) { $0 == 0 ? 0 : $0.bitPattern }
    case let a as PrimitiveArray<Int128>:
        return fixed(a) { UInt64(truncatingIfNeeded: $0) ^ mix64(UInt64(truncatingIfNeeded: $0 >> 64)) }
    case let a as BooleanArray: return a.storage.map { mix64($0 ? 1 : 0) }
    case let a as BinaryArray:
        return a.bytes.withUnsafeBytes { bytes in
            (0..<a.count).map { i in
                hashBytes(UnsafeRawBufferPointer(rebasing: bytes[Int(a.offsets[i])..<Int(a.offsets[i + 1])]))
            }
        }
    default:
        return (0..<column.count).map { mix64(UInt64(bitPattern: Int64(column.value(at: $0).hashValue))) }
    }
}

/// MurmurHash3's 64-bit finalizer.
@inline(__always)
func mix64(_ x: UInt64) -> UInt64 {
    var h = x
    h ^= h >> 33
    h &*= 0xff51_afd7_ed55_8ccd
    h ^= h >> 33
    h &*= 0xc4ce_b9fe_1a85_ec53
    h ^= h >> 33
    return h
}

/// A 64-bit hash of a byte string.
func hashBytes(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(bytes.count)
    var i = 0
    while i + 8 <= bytes.count {
        h = (h ^ mix64(bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0x9e37_79b9_7f4a_7c15
        i += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < bytes.count {
        tail |= UInt64(bytes[i]) << shift
        shift += 8
        i += 1
    }
    return mix64(h ^ tail)
}
