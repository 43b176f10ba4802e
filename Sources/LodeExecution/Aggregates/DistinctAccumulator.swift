import LodeCore

/// `f(DISTINCT x)`: passes each group's first occurrence of every argument value to the
/// base accumulator and drops repeats.
///
/// The (group, value) pairs seen live in a ``KeyTable``, whose ids are handed out in the
/// order keys are first seen: a row is new exactly when its id is the next unused one.
/// The rows passed on are kept too, so that merging replays them into another accumulator.
final class DistinctAccumulator: PairwiseAccumulator {
    private let base: any GroupedAccumulator
    private let keyCount: Int
    /// Every (group, distinct arguments) pair seen.
    private let seen: KeyTable
    /// The rows passed to `base`: their groups and every argument column.
    private var passed: [(groups: [Int32], arguments: [any ColumnArray])] = []
    private var passedBytes = 0

    /// `columnTypes` lists every column `update` receives; the first `keyCount` are the
    /// arguments that must be distinct.
    init(base: any GroupedAccumulator, columnTypes: [DataType], keyCount: Int) {
        self.base = base
        self.keyCount = keyCount
        self.seen = KeyTable(types: [.int32] + columnTypes.prefix(keyCount))
    }

    func resize(groups count: Int) throws { try base.resize(groups: count) }

    func update(groups: [Int32], arguments: [any ColumnArray]) throws {
        guard !groups.isEmpty else { return }
        var next = Int32(seen.count)
        let keys = [KeyColumn(PrimitiveArray<Int32>(.int32, storage: groups))] + arguments.prefix(keyCount).map { KeyColumn($0) }
        let ids = try seen.findOrInsert(keys, count: groups.count)
        var newRows: [Int] = []
        for (row, id) in ids.enumerated() where id == next {
            newRows.append(row)
            next += 1
        }
        guard !newRows.isEmpty else { return }
        let newGroups = newRows.map { groups[$0] }
        let columns = newRows.count == groups.count ? arguments : arguments.map { taking($0, newRows) }
        passed.append((newGroups, columns))
        passedBytes += newGroups.count * 4 + columns.reduce(0) { $0 + estimatedBytes($1) }
        try base.update(groups: newGroups, arguments: columns)
    }

    func merge(_ other: any GroupedAccumulator, sources: [Int32], targets: [Int32]) throws {
        let other = try same(other)
        var targetsOf: [Int32: [Int32]] = [:]
        for i in sources.indices { targetsOf[sources[i], default: []].append(targets[i]) }
        for (groups, arguments) in other.passed {
            var rows: [Int] = []
            var mapped: [Int32] = []
            for (row, group) in groups.enumerated() {
                for target in targetsOf[group] ?? [] {
                    rows.append(row)
                    mapped.append(target)
                }
            }
            guard !rows.isEmpty else { continue }
            try update(groups: mapped, arguments: rows.count == groups.count && rows == Array(rows.indices)
                       ? arguments : arguments.map { taking($0, rows) })
        }
    }

    func finish() throws -> any ColumnArray { try base.finish() }

    var memoryUsage: Int { seen.memoryUsage + passedBytes + base.memoryUsage }
}
