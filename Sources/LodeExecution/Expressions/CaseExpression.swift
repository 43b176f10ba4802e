import LodeCore

/// `CASE WHEN c1 THEN r1 ... ELSE e END`.
///
/// Arms are first evaluated over the whole batch and blended row by row (no copying of
/// the batch); when that raises an error, each arm's result is evaluated again only on the
/// rows that chose it, so `CASE WHEN x <> 0 THEN 1 / x END` never divides by zero.
struct CaseExpression: PhysicalExpression {
    let arms: [(condition: any PhysicalExpression, result: any PhysicalExpression)]
    let otherwise: (any PhysicalExpression)?
    let type: DataType

    func evaluate(_ batch: RecordBatch) throws -> any ColumnArray {
        if let result = blended(batch) { return result }
        var pieces: [(array: any ColumnArray, rows: [Int])] = []
        // Rows of `batch` still undecided, and the batch restricted to them.
        var remaining: [Int]? = nil
        var current = batch
        for arm in arms {
            if current.count == 0 { break }
            guard let condition = try arm.condition.evaluate(current) as? BooleanArray else {
                throw ExecutionError(.internal, "CASE condition is not boolean")
            }
            var chosen: [Int] = [], rest: [Int] = []
            for i in 0..<current.count {
                if condition.storage[i] && !condition.isNull(i) { chosen.append(i) } else { rest.append(i) }
            }
            if chosen.isEmpty { continue }
            if rest.isEmpty && remaining == nil { return try arm.result.evaluate(batch) }
            let values = try arm.result.evaluate(chosen.count == current.count ? current : current.take(chosen))
            pieces.append((values, chosen.map { remaining?[$0] ?? $0 }))
            remaining = rest.map { remaining?[$0] ?? $0 }
            current = current.take(rest)
        }
        if let otherwise, current.count > 0 {
            if remaining == nil { return try otherwise.evaluate(batch) }
            pieces.append((try otherwise.evaluate(current), remaining ?? []))
        }
        return try Scatter.assemble(type, count: batch.count, pieces: pieces)
    }

    var description: String {
        let whens = arms.map { "WHEN \($0.condition) THEN \($0.result)" }.joined(separator: " ")
        return "CASE \(whens)\(otherwise.map { " ELSE \($0)" } ?? "") END"
    }
}

/// `COALESCE(a, b, ...)`: later arguments are evaluated only while NULLs remain, and only
/// on the rows still NULL.
struct CoalesceExpression: PhysicalExpression {
    let arguments: [any PhysicalExpression]
    let type: DataType

    func evaluate(_ batch: RecordBatch) throws -> any ColumnArray {
        let first = try arguments[0].evaluate(batch)
        if first.validity == nil || arguments.count == 1 { return first }
        var pieces: [(array: any ColumnArray, rows: [Int])] = []
        var nullRows: [Int] = []
        var validRows: [Int] = []
        for i in 0..<batch.count { if first.isNull(i) { nullRows.append(i) } else { validRows.append(i) } }
        pieces.append((taking(first, validRows), validRows))
        for argument in arguments.dropFirst() where !nullRows.isEmpty {
            let values = try argument.evaluate(batch.take(nullRows))
            var stillNull: [Int] = [], filled: [Int] = [], filledRows: [Int] = []
            for k in 0..<nullRows.count {
                if values.isNull(k) { stillNull.append(nullRows[k]) } else { filled.append(k); filledRows.append(nullRows[k]) }
            }
            pieces.append((taking(values, filled), filledRows))
            nullRows = stillNull
        }
        return try Scatter.assemble(type, count: batch.count, pieces: pieces)
    }

    var description: String { "coalesce(\(arguments.map(\.description).joined(separator: ", ")))" }
}
