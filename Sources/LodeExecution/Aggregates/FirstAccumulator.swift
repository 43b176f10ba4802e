import LodeCore

/// `first`/`arbitrary` (the first value, NULL included) and `any_value` (the first
/// non-NULL value) of any type.
final class FirstAccumulator: PairwiseAccumulator {
    private let type: DataType
    private let skipsNulls: Bool
    private var firsts: [Value?] = []

    init(type: DataType, skipsNulls: Bool) {
        self.type = type
        self.skipsNulls = skipsNulls
    }

    func resize(groups count: Int) throws { grow(&firsts, to: count, with: nil) }

    func update(groups: [Int32], arguments: [any ColumnArray]) throws {
        guard let column = arguments.first else { throw ExecutionError(.internal, "first got no column") }
        for i in 0..<groups.count {
            let g = Int(groups[i])
            if firsts[g] != nil || (skipsNulls && column.isNull(i)) { continue }
            firsts[g] = column.value(at: i)
        }
    }

    func merge(_ other: any GroupedAccumulator, sources: [Int32], targets: [Int32]) throws {
        let other = try same(other)
        for i in sources.indices {
            let s = Int(sources[i]), t = Int(targets[i])
            guard firsts[t] == nil else { continue }
            firsts[t] = other.firsts[s]
        }
    }

    func finish() throws -> any ColumnArray {
        do {
            return try makeArray(type, firsts.map { $0 ?? .null })
        } catch {
            throw ExecutionError(.internal, "first: \(error)")
        }
    }

    var memoryUsage: Int { firsts.capacity * 32 }
}
