import Foundation
import LodeCore

/// `= <> < <= > >=` and `IS [NOT] DISTINCT FROM` over two operands of one type; strings
/// and blobs compare by their bytes.
enum Comparison {
    enum Operator: String {
        case equal = "=", notEqual = "<>", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    static func kernel(_ name: String, _ type: DataType) throws -> Kernel {
        if name == "is_distinct_from" || name == "is_not_distinct_from" {
            let inner = try kernel(.notEqual, type)
            let distinct = name == "is_distinct_from"
            return { args, count in try nullAware(inner(args, count), args, count, distinct: distinct) }
        }
        guard let op = Operator(rawValue: name) else { throw ExecutionError(.internal, "unknown comparison \(name)") }
        return try kernel(op, type)
    }

    static func kernel(_ op: Operator, _ type: DataType) throws -> Kernel {
        switch type {
        case .int8: return ordered(Int8.self, op)
        case .int16: return ordered(Int16.self, op)
        case .int32, .date: return ordered(Int32.self, op)
        case .int64, .timestamp: return ordered(Int64.self, op)
        case .float32: return floats(Float.self, op)
        case .float64: return floats(Double.self, op)
        case .decimal: return ordered(Int128.self, op)
        case .boolean:
            let inner = ordered(Int8.self, op)
            return { args, count in
                let ints = try args.map { arg -> Operand in
                    let b = try arg.booleans()
                    return Operand(array: PrimitiveArray<Int8>(.int8, storage: b.storage.map { $0 ? 1 : 0 }, validity: b.validity),
                                   isConstant: arg.isConstant)
                }
                return try inner(ints, count)
            }
        case .string, .binary: return { args, count in try strings(args[0], args[1], count: count, op) }
        default: throw ExecutionError(.internal, "no comparison for \(type)")
        }
    }

    /// Integers, dates, timestamps and decimals (operands share one scale).
    static func ordered<T: FixedWidthValue & Comparable>(_: T.Type, _ op: Operator) -> Kernel {
        { args, count in
            let (x, y) = (args[0], args[1])
            switch op {
            case .equal: return KernelLoops.boolean(try KernelLoops.binary(x, y, count: count, zero: false) { (a: T, b: T) in a == b })
            case .notEqual: return KernelLoops.boolean(try KernelLoops.binary(x, y, count: count, zero: false) { (a: T, b: T) in a != b })
            case .less: return KernelLoops.boolean(try KernelLoops.binary(x, y, count: count, zero: false) { (a: T, b: T) in a < b })
            case .lessOrEqual: return KernelLoops.boolean(try KernelLoops.binary(x, y, count: count, zero: false) { (a: T, b: T) in a <= b })
            case .greater: return KernelLoops.boolean(try KernelLoops.binary(x, y, count: count, zero: false) { (a: T, b: T) in a > b })
            case .greaterOrEqual: return KernelLoops.boolean(try KernelLoops.binary(x, y, count: count, zero: false) { (a: T, b: T) in a >= b })
            }
        }
    }

    /// Floats in DuckDB's total order: NaN equals NaN and sorts above every number.
    static func floats<T: FixedWidthValue & BinaryFloatingPoint>(_: T.Type, _ op: Operator) -> Kernel {
        @Sendable @inline(__always) func order(_ a: T, _ b: T) -> Int {
            if a.isNaN || b.isNaN { return a.isNaN ? (b.isNaN ? 0 : 1) : -1 }
            return a < b ? -1 : (a == b ? 0 : 1)
        }
        return { args, count in
            let (x, y) = (args[0], args[1])
            return KernelLoops.boolean(try KernelLoops.binary(x, y, count: count, zero: false) { (a: T, b: T) -> Bool in
                let c = order(a, b)
                switch op {
                case .equal: return c == 0
                case .notEqual: return c != 0
                case .less: return c < 0
                case .lessOrEqual: return c <= 0
                case .greater: return c > 0
                case .greaterOrEqual: return c >= 0
                }
            })
        }
    }

    /// Byte-wise comparison of text or blobs.
    static func strings(_ x: Operand, _ y: Operand, count: Int, _ op: Operator) throws -> BooleanArray {
        let a = try x.binary(), b = try y.binary()
        let validity = Validity.and(x.validity(count: count), y.validity(count: count))
        @inline(__always) func decide(_ c: Int) -> Bool {
            switch op {
            case .equal: return c == 0
            case .notEqual: return c != 0
            case .less: return c < 0
            case .lessOrEqual: return c <= 0
            case .greater: return c > 0
            case .greaterOrEqual: return c >= 0
            }
        }
        let out = a.bytes.withUnsafeBytes { abytes in
            b.bytes.withUnsafeBytes { bbytes in
                a.offsets.withUnsafeBufferPointer { ao in
                    b.offsets.withUnsafeBufferPointer { bo in
                        [Bool](unsafeUninitializedCapacity: count) { out, initialized in
                            for i in 0..<count {
                                let ai = x.isConstant ? 0 : i, bi = y.isConstant ? 0 : i
                                let left = UnsafeRawBufferPointer(rebasing: abytes[Int(ao[ai])..<Int(ao[ai + 1])])
                                let right = UnsafeRawBufferPointer(rebasing: bbytes[Int(bo[bi])..<Int(bo[bi + 1])])
                                if op == .equal || op == .notEqual, left.count != right.count {
                                    out.initializeElement(at: i, to: op == .notEqual)
                                } else {
                                    out.initializeElement(at: i, to: decide(compareBytes(left, right)))
                                }
                            }
                            initialized = count
                        }
                    }
                }
            }
        }
        return BooleanArray(storage: out, validity: validity)
    }

    /// `IS DISTINCT FROM` from the plain `<>` result: NULL equals NULL, never NULL.
    static func nullAware(_ notEqual: any ColumnArray, _ args: [Operand], _ count: Int, distinct: Bool) throws -> BooleanArray {
        guard let ne = notEqual as? BooleanArray else { throw ExecutionError(.internal, "comparison gave \(notEqual.dataType)") }
        let lv = args[0].validity(count: count), rv = args[1].validity(count: count)
        var storage = ne.storage
        if lv != nil || rv != nil {
            for i in 0..<count {
                let l = lv?[i] ?? true, r = rv?[i] ?? true
                if !(l && r) { storage[i] = l != r }
            }
        }
        if !distinct { for i in 0..<count { storage[i].toggle() } }
        return BooleanArray(storage: storage)
    }
}

/// The order of two byte strings: negative, zero or positive.
@inline(__always)
func compareBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
    let n = min(a.count, b.count)
    if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
        let c = memcmp(pa, pb, n)
        if c != 0 { return Int(c) }
    }
    return a.count - b.count
}
