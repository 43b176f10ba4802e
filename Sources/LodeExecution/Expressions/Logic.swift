import LodeCore

/// `AND` / `OR` with SQL's three-valued logic; the right side is skipped when the left
/// alone decides every row.
struct LogicalExpression: PhysicalExpression {
    let isAnd: Bool
    let left: any PhysicalExpression
    let right: any PhysicalExpression

    var type: DataType { .boolean }

    func evaluate(_ batch: RecordBatch) throws -> any ColumnArray {
        let l = try Logic.booleans(left.evaluate(batch))
        // AND with an all-false left (OR with an all-true left) is decided.
        if l.validity == nil, !l.storage.contains(isAnd) { return l }
        let r: BooleanArray
        do { r = try Logic.booleans(right.evaluate(batch)) } catch {
            r = try rightOnUndecidedRows(batch, left: l, error: error)
        }
        return Logic.combine(l, r, isAnd: isAnd)
    }

    /// The right side evaluated only on rows the left side leaves open (so that
    /// `x <> 0 AND 10 / x > 1` never divides by zero); decided rows get `false` for AND,
    /// `true` for OR, which leaves them decided. Rethrows when an open row fails.
    private func rightOnUndecidedRows(_ batch: RecordBatch, left l: BooleanArray, error: Error) throws -> BooleanArray {
        let decidedValue = !isAnd
        let open = (0..<l.count).filter { l.isNull($0) || l.storage[$0] != decidedValue }
        guard open.count < l.count else { throw error }
        let partial = try Logic.booleans(right.evaluate(batch.take(open)))
        var storage = [Bool](repeating: decidedValue, count: l.count)
        var validity = Bitmap(count: l.count, value: true)
        for (k, row) in open.enumerated() {
            storage[row] = partial.storage[k]
            if partial.isNull(k) { validity[row] = false }
        }
        return BooleanArray(storage: storage, validity: validity)
    }

    var description: String { "(\(left) \(isAnd ? "AND" : "OR") \(right))" }
}

enum Logic {
    static func booleans(_ array: any ColumnArray) throws -> BooleanArray {
        guard let b = array as? BooleanArray else { throw ExecutionError(.internal, "logical operand of type \(array.dataType)") }
        return b
    }

    /// Kleene AND / OR of two columns.
    static func combine(_ l: BooleanArray, _ r: BooleanArray, isAnd: Bool) -> BooleanArray {
        let count = l.count
        if l.validity == nil && r.validity == nil {
            let storage = l.storage.withUnsafeBufferPointer { a in
                r.storage.withUnsafeBufferPointer { b in
                    [Bool](unsafeUninitializedCapacity: count) { out, n in
                        if isAnd { for i in 0..<count { out.initializeElement(at: i, to: a[i] && b[i]) } }
                        else { for i in 0..<count { out.initializeElement(at: i, to: a[i] || b[i]) } }
                        n = count
                    }
                }
            }
            return BooleanArray(storage: storage)
        }
        var storage = [Bool](repeating: false, count: count)
        var validity = Bitmap(count: count, value: true)
        for i in 0..<count {
            let lv = l.validity?[i] ?? true, rv = r.validity?[i] ?? true
            let lt = lv && l.storage[i], lf = lv && !l.storage[i]
            let rt = rv && r.storage[i], rf = rv && !r.storage[i]
            let isTrue = isAnd ? lt && rt : lt || rt
            let isFalse = isAnd ? lf || rf : lf && rf
            storage[i] = isTrue
            if !isTrue && !isFalse { validity[i] = false }
        }
        return BooleanArray(storage: storage, validity: validity)
    }

    static let not: Kernel = { args, count in
        let b = try args[0].booleans()
        let out = BooleanArray(storage: b.storage.map { !$0 }, validity: b.validity)
        return args[0].isConstant ? broadcast(out, count: count) : out
    }

    static func nullTest(negated: Bool) -> Kernel {
        { args, count in
            let validity = args[0].validity(count: count)
            guard let validity else { return BooleanArray(storage: Array(repeating: negated, count: count)) }
            var storage = [Bool](repeating: false, count: count)
            for i in 0..<count { storage[i] = validity[i] == negated }
            return BooleanArray(storage: storage)
        }
    }
}
