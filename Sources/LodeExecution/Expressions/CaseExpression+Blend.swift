import LodeCore

extension CaseExpression {
    /// Evaluates every condition and result over the whole batch and picks each row's arm,
    /// or returns `nil` when some evaluation fails (a row that no arm chose may be the
    /// cause, so the caller falls back to evaluating arms on their own rows).
    func blended(_ batch: RecordBatch) -> (any ColumnArray)? {
        let count = batch.count
        var arm = [Int32](repeating: Int32(arms.count), count: count)
        var results: [any ColumnArray] = []
        do {
            var undecided = count
            for (k, branch) in arms.enumerated() where undecided > 0 {
                guard let condition = try branch.condition.evaluate(batch) as? BooleanArray else { return nil }
                let validity = condition.validity
                for i in 0..<count where arm[i] == Int32(arms.count) && condition.storage[i] && (validity?[i] ?? true) {
                    arm[i] = Int32(k)
                    undecided -= 1
                }
                results.append(try branch.result.evaluate(batch))
            }
            while results.count < arms.count { results.append(try makeArray(type, [])) }
            if let otherwise { results.append(try otherwise.evaluate(batch)) }
            return try CaseExpression.select(type, arm: arm, from: results)
        } catch {
            return nil
        }
    }

    /// Row `i` of `sources[arm[i]]`; an arm index past the sources gives NULL.
    static func select(_ type: DataType, arm: [Int32], from sources: [any ColumnArray]) throws -> any ColumnArray {
        let count = arm.count
        let validities = sources.map { $0.count == count ? $0.validity : Bitmap(count: count, value: false) }
        var validity = Bitmap(count: count, value: true)
        var anyNull = false
        for i in 0..<count {
            let k = Int(arm[i])
            if k >= sources.count || !(validities[k].map { $0[i] } ?? true) {
                validity[i] = false
                anyNull = true
            }
        }
        func fixed<T: FixedWidthValue>(_: T.Type) throws -> any ColumnArray {
            let typed = sources.map { $0 as? PrimitiveArray<T> }
            var storage = [T](repeating: .zero, count: count)
            if sources.count == 2, let a = typed[0], let b = typed[1], a.count == count, b.count == count {
                a.storage.withUnsafeBufferPointer { x in
                    b.storage.withUnsafeBufferPointer { y in
                        storage.withUnsafeMutableBufferPointer { out in
                            for i in 0..<count { out[i] = arm[i] == 0 ? x[i] : y[i] }
                        }
                    }
                }
            } else {
                for i in 0..<count where validity[i] {
                    guard let source = typed[Int(arm[i])] else { throw ExecutionError(.internal, "CASE branch is not \(type)") }
                    storage[i] = source.storage[i]
                }
            }
            return PrimitiveArray(type, storage: storage, validity: anyNull ? validity : nil)
        }
        switch type {
        case .int8: return try fixed(Int8.self)
        case .int16: return try fixed(Int16.self)
        case .int32, .date: return try fixed(Int32.self)
        case .int64, .timestamp: return try fixed(Int64.self)
        case .float32: return try fixed(Float.self)
        case .float64: return try fixed(Double.self)
        case .decimal: return try fixed(Int128.self)
        default:
            var pieces: [(array: any ColumnArray, rows: [Int])] = sources.map { ($0, []) }
            for i in 0..<count where validity[i] { pieces[Int(arm[i])].rows.append(i) }
            return try Scatter.assemble(type, count: count, pieces: pieces.map { (taking($0.array, $0.rows), $0.rows) })
        }
    }
}
