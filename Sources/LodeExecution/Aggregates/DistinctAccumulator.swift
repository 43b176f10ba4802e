import LodeCore

/// `f(DISTINCT x)`: passes each group's first occurrence of every argument value to the
/// base accumulator and drops repeats.
final class DistinctAccumulator: PairwiseAccumulator {
    /// A group and the distinct argument value (a `.list` of them for several arguments).
    private struct Key: Hashable {
        var group: Int32
        var value: Value
    }

    private let base: any GroupedAccumulator
    private let columnTypes: [DataType]
    private let keyCount: Int
    /// Every value seen per group, with the row's remaining (`ORDER BY`) columns.
    private var seen: [Key: [Value]] = [:]

    /// `columnTypes` lists every column `update` receives; the first `keyCount` are the
    /// arguments that must be distinct.
    init(base: any GroupedAccumulator, columnTypes: [DataType], keyCount: Int) {
        self.base = base
        self.columnTypes = columnTypes
        self.keyCount = keyCount
    }

    func resize(groups count: Int) throws { try base.resize(groups: count) }

    private func key(_ columns: [any ColumnArray], _ row: Int) -> Value {
        keyCount == 1 ? columns[0].value(at: row) : .list((0..<keyCount).map { columns[$0].value(at: row) })
    }

    func update(groups: [Int32], arguments: [any ColumnArray]) throws {
        var newRows: [Int] = []
        var newGroups: [Int32] = []
        for i in 0..<groups.count {
            let key = Key(group: groups[i], value: key(arguments, i))
            guard seen[key] == nil else { continue }
            seen[key] = (keyCount..<arguments.count).map { arguments[$0].value(at: i) }
            newRows.append(i)
            newGroups.append(groups[i])
        }
        guard !newRows.isEmpty else { return }
        try base.update(groups: newGroups, arguments: arguments.map { taking($0, newRows) })
    }

    func merge(_ other: any GroupedAccumulator, sources: [Int32], targets: [Int32]) throws {
        let other = try same(other)
        var targetsOf: [Int32: [Int32]] = [:]
        for i in sources.indices {
            targetsOf[sources[i], default: []].append(targets[i])
        }
        var rows: [[Value]] = Array(repeating: [], count: columnTypes.count)
        var newGroups: [Int32] = []
        for (key, rest) in other.seen {
            guard let destinations = targetsOf[key.group] else { continue }
            for t in destinations {
                let target = Key(group: t, value: key.value)
                guard seen[target] == nil else { continue }
                seen[target] = rest
                newGroups.append(t)
                if keyCount == 1 {
                    rows[0].append(key.value)
                } else if case .list(let items) = key.value {
                    for j in 0..<keyCount { rows[j].append(items[j]) }
                }
                for (j, v) in rest.enumerated() { rows[keyCount + j].append(v) }
            }
        }
        guard !newGroups.isEmpty else { return }
        let columns = try zip(columnTypes, rows).map { type, values in
            do { return try makeArray(type, values) } catch { throw ExecutionError(.internal, "distinct merge: \(error)") }
        }
        try base.update(groups: newGroups, arguments: columns)
    }

    func finish() throws -> any ColumnArray { try base.finish() }

    var memoryUsage: Int { seen.count * 64 + base.memoryUsage }
}
