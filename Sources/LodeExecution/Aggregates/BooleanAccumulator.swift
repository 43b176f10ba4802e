import LodeCore

/// `bool_and` (also `min` of booleans) and `bool_or` (`max`).
final class BooleanAccumulator: PairwiseAccumulator {
    private let isAnd: Bool
    private var results: [Bool] = []
    private var seen: [Bool] = []

    init(isAnd: Bool) { self.isAnd = isAnd }

    func resize(groups count: Int) throws {
        grow(&results, to: count, with: isAnd)
        grow(&seen, to: count, with: false)
    }

    func update(groups: [Int32], arguments: [any ColumnArray]) throws {
        guard let column = arguments.first as? BooleanArray else {
            throw ExecutionError(.internal, "bool_and/bool_or got \(arguments.first?.dataType.description ?? "no column")")
        }
        let validity = column.validity
        column.storage.withUnsafeBufferPointer { values in
            for i in 0..<groups.count where validity?[i] ?? true {
                let g = Int(groups[i])
                results[g] = isAnd ? results[g] && values[i] : results[g] || values[i]
                seen[g] = true
            }
        }
    }

    func merge(_ other: any GroupedAccumulator, sources: [Int32], targets: [Int32]) throws {
        let other = try same(other)
        for i in sources.indices {
            let s = Int(sources[i]), t = Int(targets[i])
            guard other.seen[s] else { continue }
            results[t] = isAnd ? results[t] && other.results[s] : results[t] || other.results[s]
            seen[t] = true
        }
    }

    func finish() throws -> any ColumnArray { BooleanArray(storage: results, validity: Bitmap(seen)) }

    var memoryUsage: Int { results.capacity * 2 }
}
