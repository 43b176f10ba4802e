import LodeCore
import LodePlan

/// The groups of one aggregate pass: a key table over one grouping set's keys and the
/// accumulators of every aggregate, indexed by group.
final class GroupingTable {
    /// Indices of the operator's group expressions this table groups by.
    let set: [Int]
    let keys: KeyTable
    let accumulators: [any GroupedAccumulator]

    init(set: [Int], keyTypes: [DataType], accumulators: [any GroupedAccumulator]) {
        self.set = set
        keys = KeyTable(types: set.map { keyTypes[$0] })
        self.accumulators = accumulators
    }

    var memoryUsage: Int { accumulators.reduce(keys.memoryUsage) { $0 + $1.memoryUsage } }

    /// Adds one batch: `groupColumns` holds every group expression's keys, `arguments`
    /// each aggregate's argument columns and `selections` the rows its filter keeps
    /// (`nil`: all rows).
    func update(groupColumns: [KeyColumn], rowCount: Int, arguments: [[any ColumnArray]], selections: [[Int]?]) throws {
        let groups = try keys.findOrInsert(set.map { groupColumns[$0] }, count: rowCount)
        for (i, accumulator) in accumulators.enumerated() {
            try accumulator.resize(groups: keys.count)
            if let rows = selections[i] {
                guard !rows.isEmpty else { continue }
                try accumulator.update(groups: rows.map { groups[$0] }, arguments: arguments[i].map { taking($0, rows) })
            } else {
                try accumulator.update(groups: groups, arguments: arguments[i])
            }
        }
    }

    /// Adds every group of `other` (a table for the same set and aggregates) into this one.
    func merge(_ other: GroupingTable) throws {
        guard other.keys.count > 0 else { return }
        let targets = try keys.findOrInsert(other.keys.keyColumns(), count: other.keys.count)
        for (mine, theirs) in zip(accumulators, other.accumulators) {
            try mine.resize(groups: keys.count)
            try mine.merge(theirs, targets: targets)
        }
    }

    /// The output columns: every group expression (NULL outside the set), the aggregates
    /// and, when asked, the grouping id. A set without keys has one row even without input.
    func finish(keyTypes: [DataType], emitsGroupingID: Bool) throws -> [any ColumnArray] {
        let rows = set.isEmpty ? 1 : keys.count
        for accumulator in accumulators { try accumulator.resize(groups: rows) }
        let setKeys = try keys.materialize()
        var columns: [any ColumnArray] = []
        var groupingID: Int64 = 0
        for (i, type) in keyTypes.enumerated() {
            if let position = set.firstIndex(of: i) {
                columns.append(setKeys[position])
            } else {
                columns.append(try nullArray(type, count: rows))
                if i < 63 { groupingID |= 1 << Int64(keyTypes.count - 1 - i) }
            }
        }
        for accumulator in accumulators {
            let values = try accumulator.finish()
            guard values.count == rows else {
                throw ExecutionError(.internal, "an aggregate gave \(values.count) values for \(rows) groups")
            }
            columns.append(values)
        }
        if emitsGroupingID {
            columns.append(PrimitiveArray<Int64>(.int64, storage: [Int64](repeating: groupingID, count: rows)))
        }
        return columns
    }
}
