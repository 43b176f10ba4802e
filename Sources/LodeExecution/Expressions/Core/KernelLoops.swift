import LodeCore

/// The element-wise loops kernels are built from. Each takes its per-row operation as a
/// closure the compiler inlines into a specialized loop; constant operands are read once.
///
/// An operation may throw (overflow, division by zero); a throw on a NULL row is ignored
/// and the row keeps a zero value, so NULL slots holding arbitrary storage never raise.
enum KernelLoops {
    /// `op` over every row of one operand.
    @inline(__always)
    static func unary<A: FixedWidthValue, R>(
        _ x: Operand, count: Int, zero: R, _ op: (A) throws -> R
    ) throws -> ([R], Bitmap?) {
        let a = try x.primitive(A.self)
        let validity = x.validity(count: count)
        if x.isConstant {
            let value = validity == nil ? try op(a.storage[0]) : zero
            return (Array(repeating: value, count: count), validity)
        }
        let out = try a.storage.withUnsafeBufferPointer { a in
            try fill(count: count, zero: zero, validity: validity) { try op(a[$0]) }
        }
        return (out, validity)
    }

    /// `op` over every row of two operands.
    @inline(__always)
    static func binary<A: FixedWidthValue, B: FixedWidthValue, R>(
        _ x: Operand, _ y: Operand, count: Int, zero: R, _ op: (A, B) throws -> R
    ) throws -> ([R], Bitmap?) {
        let a = try x.primitive(A.self), b = try y.primitive(B.self)
        let validity = Validity.and(x.validity(count: count), y.validity(count: count))
        if Validity.allNull(validity) { return (Array(repeating: zero, count: count), validity) }
        let out = try a.storage.withUnsafeBufferPointer { a in
            try b.storage.withUnsafeBufferPointer { b in
                switch (x.isConstant, y.isConstant) {
                case (false, false): return try fill(count: count, zero: zero, validity: validity) { try op(a[$0], b[$0]) }
                case (false, true):
                    let right = b[0]
                    return try fill(count: count, zero: zero, validity: validity) { try op(a[$0], right) }
                case (true, false):
                    let left = a[0]
                    return try fill(count: count, zero: zero, validity: validity) { try op(left, b[$0]) }
                case (true, true):
                    return Array(repeating: try op(a[0], b[0]), count: count)
                }
            }
        }
        return (out, validity)
    }

    /// `count` results of `body`, retrying past rows whose throw is on a NULL row.
    @inline(__always)
    static func fill<R>(count: Int, zero: R, validity: Bitmap?, _ body: (Int) throws -> R) throws -> [R] {
        try [R](unsafeUninitializedCapacity: count) { out, initialized in
            var i = 0
            while i < count {
                do {
                    while i < count {
                        out.initializeElement(at: i, to: try body(i))
                        i += 1
                    }
                } catch {
                    guard let validity, !validity[i] else {
                        initialized = i
                        throw error
                    }
                    out.initializeElement(at: i, to: zero)
                    i += 1
                }
            }
            initialized = count
        }
    }

    /// A primitive array from a loop's output.
    @inline(__always)
    static func primitive<R: FixedWidthValue>(_ type: DataType, _ result: ([R], Bitmap?)) -> PrimitiveArray<R> {
        PrimitiveArray(type, storage: result.0, validity: result.1)
    }

    /// A boolean array from a loop's output.
    @inline(__always)
    static func boolean(_ result: ([Bool], Bitmap?)) -> BooleanArray {
        BooleanArray(storage: result.0, validity: result.1)
    }
}
