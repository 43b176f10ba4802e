import Foundation
import LodeCore

/// A fixed-width value with SQL's total order: NaN sorts after every number (DuckDB).
protocol OrderedValue: FixedWidthValue {
    static func precedes(_ a: Self, _ b: Self) -> Bool
}

extension Int8: OrderedValue { @inline(__always) static func precedes(_ a: Int8, _ b: Int8) -> Bool { a < b } }
extension Int16: OrderedValue { @inline(__always) static func precedes(_ a: Int16, _ b: Int16) -> Bool { a < b } }
extension Int32: OrderedValue { @inline(__always) static func precedes(_ a: Int32, _ b: Int32) -> Bool { a < b } }
extension Int64: OrderedValue { @inline(__always) static func precedes(_ a: Int64, _ b: Int64) -> Bool { a < b } }
extension Int128: OrderedValue { @inline(__always) static func precedes(_ a: Int128, _ b: Int128) -> Bool { a < b } }
extension Float: OrderedValue {
    @inline(__always) static func precedes(_ a: Float, _ b: Float) -> Bool { a < b || (b.isNaN && !a.isNaN) }
}
extension Double: OrderedValue {
    @inline(__always) static func precedes(_ a: Double, _ b: Double) -> Bool { a < b || (b.isNaN && !a.isNaN) }
}

/// The `min` or `max` accumulator for a column of `type`.
func makeMinMaxAccumulator(type: DataType, isMax: Bool) throws -> PairwiseAccumulator {
    switch type {
    case .int8: return FixedMinMaxAccumulator<Int8>(type: type, isMax: isMax)
    case .int16: return FixedMinMaxAccumulator<Int16>(type: type, isMax: isMax)
    case .int32, .date: return FixedMinMaxAccumulator<Int32>(type: type, isMax: isMax)
    case .int64, .timestamp: return FixedMinMaxAccumulator<Int64>(type: type, isMax: isMax)
    case .float32: return FixedMinMaxAccumulator<Float>(type: type, isMax: isMax)
    case .float64: return FixedMinMaxAccumulator<Double>(type: type, isMax: isMax)
    case .decimal: return FixedMinMaxAccumulator<Int128>(type: type, isMax: isMax)
    case .boolean: return BooleanAccumulator(isAnd: !isMax)
    case .string, .binary: return BytesMinMaxAccumulator(type: type, isMax: isMax)
    default: throw ExecutionError(.internal, "min/max of \(type) is not supported")
    }
}

/// `min`/`max` of numbers, dates, timestamps and decimals.
final class FixedMinMaxAccumulator<T: OrderedValue>: PairwiseAccumulator {
    private let type: DataType
    private let isMax: Bool
    private var best: [T] = []
    private var seen: [Bool] = []

    init(type: DataType, isMax: Bool) {
        self.type = type
        self.isMax = isMax
    }

    func resize(groups count: Int) throws {
        grow(&best, to: count, with: .zero)
        grow(&seen, to: count, with: false)
    }

    @_specialize(where T == Int8)
    @_specialize(where T == Int16)
    @_specialize(where T == Int32)
    @_specialize(where T == Int64)
    @_specialize(where T == Int128)
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    func update(groups: [Int32], arguments: [any ColumnArray]) throws {
        guard let column = arguments.first as? PrimitiveArray<T> else {
            throw ExecutionError(.internal, "min/max of \(type) got \(arguments.first?.dataType.description ?? "no column")")
        }
        let validity = column.validity
        let isMax = self.isMax
        best.withUnsafeMutableBufferPointer { best in
            seen.withUnsafeMutableBufferPointer { seen in
                column.storage.withUnsafeBufferPointer { values in
                    groups.withUnsafeBufferPointer { groups in
                        for i in 0..<groups.count {
                            if let validity, !validity[i] { continue }
                            let g = Int(groups[i]), v = values[i]
                            if !seen[g] {
                                best[g] = v
                                seen[g] = true
                            } else if isMax ? T.precedes(best[g], v) : T.precedes(v, best[g]) {
                                best[g] = v
                            }
                        }
                    }
                }
            }
        }
    }

    func merge(_ other: any GroupedAccumulator, sources: [Int32], targets: [Int32]) throws {
        let other = try same(other)
        for i in sources.indices {
            let s = Int(sources[i]), t = Int(targets[i])
            guard other.seen[s] else { continue }
            let v = other.best[s]
            if !seen[t] || (isMax ? T.precedes(best[t], v) : T.precedes(v, best[t])) {
                best[t] = v
                seen[t] = true
            }
        }
    }

    func finish() throws -> any ColumnArray {
        PrimitiveArray<T>(type, storage: best, validity: Bitmap(seen))
    }

    var memoryUsage: Int { best.capacity * MemoryLayout<T>.stride + seen.capacity }
}

/// `min`/`max` of strings and blobs, compared bytewise.
final class BytesMinMaxAccumulator: PairwiseAccumulator {
    private let type: DataType
    private let isMax: Bool
    private var best: [[UInt8]?] = []
    private var heldBytes = 0

    init(type: DataType, isMax: Bool) {
        self.type = type
        self.isMax = isMax
    }

    func resize(groups count: Int) throws { grow(&best, to: count, with: nil) }

    /// Whether `candidate` replaces `current`.
    @inline(__always)
    private func better(_ candidate: UnsafeRawBufferPointer, than current: [UInt8]) -> Bool {
        let order = current.withUnsafeBytes { compareBytes(candidate, $0) }
        return isMax ? order > 0 : order < 0
    }

    func update(groups: [Int32], arguments: [any ColumnArray]) throws {
        guard let column = arguments.first as? BinaryArray else {
            throw ExecutionError(.internal, "min/max of \(type) got \(arguments.first?.dataType.description ?? "no column")")
        }
        column.bytes.withUnsafeBytes { bytes in
            for i in 0..<groups.count where !column.isNull(i) {
                let g = Int(groups[i])
                let value = UnsafeRawBufferPointer(rebasing: bytes[Int(column.offsets[i])..<Int(column.offsets[i + 1])])
                if let current = best[g], !better(value, than: current) { continue }
                heldBytes += value.count - (best[g]?.count ?? 0)
                best[g] = Array(value)
            }
        }
    }

    func merge(_ other: any GroupedAccumulator, sources: [Int32], targets: [Int32]) throws {
        let other = try same(other)
        for i in sources.indices {
            let s = Int(sources[i]), t = Int(targets[i])
            guard let value = other.best[s] else { continue }
            if let current = best[t], !value.withUnsafeBytes({ better($0, than: current) }) { continue }
            heldBytes += value.count - (best[t]?.count ?? 0)
            best[t] = value
        }
    }

    func finish() throws -> any ColumnArray {
        var builder = BinaryBuilder(type, capacity: best.count)
        for value in best {
            if let value { builder.append(value) } else { builder.appendNull() }
        }
        return builder.finish()
    }

    var memoryUsage: Int { best.capacity * 16 + heldBytes }
}
