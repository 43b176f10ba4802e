import LodeCore

/// `nullif`, `greatest`, `least` (COALESCE is a compiled special form).
enum ConditionalFunctions {
    static let factories: [String: ScalarKernels.Factory] = [
        "nullif": { args, result in
            let equal = try Comparison.kernel(.equal, args[0])
            return { operands, count in
                guard let same = try equal(operands, count) as? BooleanArray else { throw ExecutionError(.internal, "nullif comparison") }
                let values = operands[0].materialized(count: count)
                var validity = values.validity ?? Bitmap(count: count, value: true)
                for i in 0..<count where same.storage[i] && !same.isNull(i) { validity[i] = false }
                let kept = try withValidity(values, validity)
                return kept.dataType == result ? kept : try Cast.apply(kept, to: result, isTry: false)
            }
        },
        "greatest": { args, result in extreme(result, greatest: true) },
        "least": { args, result in extreme(result, greatest: false) },
    ]

    /// The largest (smallest) non-NULL argument per row; NULL only when all are NULL.
    static func extreme(_ type: DataType, greatest: Bool) -> Kernel {
        func fixed<T: FixedWidthValue & Comparable>(_: T.Type) -> Kernel {
            { operands, count in
                var storage = [T](repeating: .zero, count: count)
                var validity = Bitmap(count: count, value: false)
                for operand in operands {
                    let a = try operand.primitive(T.self)
                    let v = operand.validity(count: count)
                    for i in 0..<count where v?[i] ?? true {
                        let x = a.storage[operand.isConstant ? 0 : i]
                        if !validity[i] || (greatest ? x > storage[i] : x < storage[i]) {
                            storage[i] = x
                            validity[i] = true
                        }
                    }
                }
                return PrimitiveArray(type, storage: storage, validity: validity)
            }
        }
        switch type {
        case .int8: return fixed(Int8.self)
        case .int16: return fixed(Int16.self)
        case .int32, .date: return fixed(Int32.self)
        case .int64, .timestamp: return fixed(Int64.self)
        case .float32: return fixed(Float.self)
        case .float64: return fixed(Double.self)
        case .decimal: return fixed(Int128.self)
        default:
            let compare = try? Comparison.kernel(greatest ? .greater : .less, type)
            return { operands, count in
                guard let compare else { throw ExecutionError(.internal, "greatest/least of \(type)") }
                var best = operands[0].materialized(count: count)
                for operand in operands.dropFirst() {
                    let next = operand.materialized(count: count)
                    guard let better = try compare([Operand(array: next, isConstant: false), Operand(array: best, isConstant: false)], count) as? BooleanArray
                    else { throw ExecutionError(.internal, "greatest/least comparison") }
                    var pieces: [(array: any ColumnArray, rows: [Int])] = [([], [])].map { _ in (best, []) }
                    var fromNext: [Int] = [], fromBest: [Int] = []
                    for i in 0..<count {
                        let takeNext = !next.isNull(i) && (best.isNull(i) || (better.storage[i] && !better.isNull(i)))
                        if takeNext { fromNext.append(i) } else { fromBest.append(i) }
                    }
                    pieces = [(taking(best, fromBest), fromBest), (taking(next, fromNext), fromNext)]
                    best = try Scatter.assemble(type, count: count, pieces: pieces)
                }
                return best
            }
        }
    }

    /// `array` with its validity replaced.
    static func withValidity(_ array: any ColumnArray, _ validity: Bitmap) throws -> any ColumnArray {
        switch array {
        case let a as PrimitiveArray<Int8>: return PrimitiveArray(a.dataType, storage: a.storage, validity: validity)
        case let a as PrimitiveArray<Int16>: return PrimitiveArray(a.dataType, storage: a.storage, validity: validity)
        case let a as PrimitiveArray<Int32>: return PrimitiveArray(a.dataType, storage: a.storage, validity: validity)
        case let a as PrimitiveArray<Int64>: return PrimitiveArray(a.dataType, storage: a.storage, validity: validity)
        case let a as PrimitiveArray<Float>: return PrimitiveArray(a.dataType, storage: a.storage, validity: validity)
        case let a as PrimitiveArray<Double>: return PrimitiveArray(a.dataType, storage: a.storage, validity: validity)
        case let a as PrimitiveArray<Int128>: return PrimitiveArray(a.dataType, storage: a.storage, validity: validity)
        case let a as BooleanArray: return BooleanArray(storage: a.storage, validity: validity)
        case let a as BinaryArray: return BinaryArray(a.dataType, offsets: a.offsets, bytes: a.bytes, validity: validity)
        default: throw ExecutionError(.internal, "cannot set validity of \(array.dataType)")
        }
    }
}
