import LodeCore
import LodePlan

/// `f(x ORDER BY k)`: keeps each group's rows, then feeds them to the base accumulator
/// sorted by the keys (stable, so ties keep their arrival order).
final class OrderedAccumulator: PairwiseAccumulator {
    private let base: any GroupedAccumulator
    private let columnTypes: [DataType]
    private let argumentCount: Int
    private let keys: [SortKey]
    /// Per group, its rows: argument values then key values.
    private var rows: [[[Value]]] = []
    private var heldRows = 0

    init(base: any GroupedAccumulator, argumentTypes: [DataType], keys: [SortKey]) {
        self.base = base
        self.columnTypes = argumentTypes + keys.map(\.expression.type)
        self.argumentCount = argumentTypes.count
        self.keys = keys
    }

    func resize(groups count: Int) throws { grow(&rows, to: count, with: []) }

    func update(groups: [Int32], arguments: [any ColumnArray]) throws {
        for i in 0..<groups.count { rows[Int(groups[i])].append(arguments.map { $0.value(at: i) }) }
        heldRows += groups.count
    }

    func merge(_ other: any GroupedAccumulator, sources: [Int32], targets: [Int32]) throws {
        let other = try same(other)
        for i in sources.indices {
            let s = Int(sources[i]), t = Int(targets[i])
            rows[t].append(contentsOf: other.rows[s])
            heldRows += other.rows[s].count
        }
    }

    func finish() throws -> any ColumnArray {
        try base.resize(groups: rows.count)
        var columns: [[Value]] = Array(repeating: [], count: columnTypes.count)
        var groups: [Int32] = []
        for (g, groupRows) in rows.enumerated() {
            let ordered = groupRows.enumerated().sorted { a, b in
                for (k, key) in keys.enumerated() {
                    let order = compareSortValues(a.element[argumentCount + k], b.element[argumentCount + k],
                                                  ascending: key.ascending, nullsFirst: key.nullsFirst)
                    if order != 0 { return order < 0 }
                }
                return a.offset < b.offset
            }
            for (_, row) in ordered {
                for (j, v) in row.enumerated() { columns[j].append(v) }
                groups.append(Int32(g))
            }
        }
        let arrays = try zip(columnTypes, columns).map { type, values in
            do { return try makeArray(type, values) } catch { throw ExecutionError(.internal, "ordered aggregate: \(error)") }
        }
        if !groups.isEmpty { try base.update(groups: groups, arguments: arrays) }
        return try base.finish()
    }

    var memoryUsage: Int { heldRows * columnTypes.count * 32 + base.memoryUsage }
}

/// The order of two boxed values under one sort key: NULLs where `nullsFirst` puts
/// them, NaN after every number.
func compareSortValues(_ a: Value, _ b: Value, ascending: Bool, nullsFirst: Bool) -> Int {
    switch (a.isNull, b.isNull) {
    case (true, true): return 0
    case (true, false): return nullsFirst ? -1 : 1
    case (false, true): return nullsFirst ? 1 : -1
    case (false, false): break
    }
    var order = Value.compare(a, b) ?? 0
    if case .double(let x) = a, case .double(let y) = b, x.isNaN || y.isNaN {
        order = x.isNaN && y.isNaN ? 0 : (x.isNaN ? 1 : -1)
    }
    return ascending ? order : -order
}
