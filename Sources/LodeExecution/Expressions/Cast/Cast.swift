import LodeCore

/// Conversions between the primitive types, one typed loop per batch.
enum Cast {
    /// Throws when no conversion from `source` to `target` exists.
    static func check(from source: DataType, to target: DataType) throws {
        if source == target || source == .string || target == .string { return }
        switch (source, target) {
        case _ where isNumberLike(source) && isNumberLike(target): return
        case (.date, .timestamp), (.timestamp, .date), (.timestamp, .timestamp), (.binary, .string), (.string, .binary): return
        default: throw ExecutionError(.conversion, "unimplemented cast from \(source) to \(target)")
        }
    }

    /// Numbers and booleans convert among themselves.
    static func isNumberLike(_ type: DataType) -> Bool { type.isNumeric || type == .boolean }

    /// `array` converted to `target`.
    static func apply(_ array: any ColumnArray, to target: DataType, isTry: Bool) throws -> any ColumnArray {
        let source = array.dataType
        if source == target { return array }
        if target == .string { return try CastToText.apply(array) }
        if let text = array as? BinaryArray {
            if target == .binary || source == .binary && target == .string {
                return BinaryArray(target, offsets: text.offsets, bytes: text.bytes, validity: text.validity)
            }
            return try CastFromText.apply(text, to: target, isTry: isTry)
        }
        switch (source, target) {
        case (.date, .timestamp(let unit, _)):
            let a = try Operand(array: array, isConstant: false).primitive(Int32.self)
            let perDay = 86_400 * unit.perSecond
            return try convert(a, to: target, isTry: isTry) { (d: Int32) -> Int64? in
                let (v, o) = Int64(d).multipliedReportingOverflow(by: perDay)
                return o ? nil : v
            }
        case (.timestamp(let unit, _), .date):
            let a = try Operand(array: array, isConstant: false).primitive(Int64.self)
            let perDay = 86_400 * unit.perSecond
            return try convert(a, to: target, isTry: isTry) { (t: Int64) -> Int32? in
                Int32(exactly: floorDivide(t, perDay))
            }
        case (.timestamp(let from, _), .timestamp(let to, _)):
            let a = try Operand(array: array, isConstant: false).primitive(Int64.self)
            if from.perSecond == to.perSecond { return PrimitiveArray(target, storage: a.storage, validity: a.validity) }
            if from.perSecond < to.perSecond {
                let factor = to.perSecond / from.perSecond
                return try convert(a, to: target, isTry: isTry) { (t: Int64) -> Int64? in
                    let (v, o) = t.multipliedReportingOverflow(by: factor)
                    return o ? nil : v
                }
            }
            let factor = from.perSecond / to.perSecond
            return try convert(a, to: target, isTry: isTry) { (t: Int64) -> Int64? in floorDivide(t, factor) }
        default:
            return try CastNumeric.apply(array, to: target, isTry: isTry)
        }
    }

    /// The values of `a` through `op`; a `nil` on a valid row is a conversion error
    /// (`TRY_CAST`: a NULL).
    @inline(__always)
    static func convert<A: FixedWidthValue, R: FixedWidthValue>(
        _ a: PrimitiveArray<A>, to target: DataType, isTry: Bool, _ op: (A) -> R?
    ) throws -> PrimitiveArray<R> {
        var validity = a.validity
        let storage = try a.storage.withUnsafeBufferPointer { source in
            try [R](unsafeUninitializedCapacity: source.count) { out, initialized in
                for i in 0..<source.count {
                    if let r = op(source[i]) {
                        out.initializeElement(at: i, to: r)
                        continue
                    }
                    out.initializeElement(at: i, to: .zero)
                    initialized = i + 1
                    if let v = validity, !v[i] { continue }
                    guard isTry else { throw failure(source[i].boxed(as: a.dataType), a.dataType, target) }
                    if validity == nil { validity = Bitmap(count: source.count, value: true) }
                    validity?[i] = false
                }
                initialized = source.count
            }
        }
        return PrimitiveArray(target, storage: storage, validity: validity)
    }

    static func failure(_ value: Value, _ source: DataType, _ target: DataType) -> ExecutionError {
        let shown = source == .string ? "string '\(value)'" : "\(source) \(value)"
        return ExecutionError(.conversion, "could not convert \(shown) to \(target)")
    }
}

/// Division rounding toward negative infinity.
@inline(__always)
func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}
