import LodeCore
import LodePlan

/// The states of one aggregate call for many groups, updated a batch at a time.
///
/// A hash aggregate assigns each input row a dense group index and hands the accumulator
/// the evaluated argument columns; window operators use the same accumulators over frames.
/// An accumulator is used by one thread at a time; parallel aggregation keeps one per
/// partition and merges them.
public protocol GroupedAccumulator: AnyObject {
    /// Makes room for groups `0..<count` (new groups start empty: `count` 0, `sum` NULL).
    func resize(groups count: Int) throws
    /// Adds row `i` of `arguments` to group `groups[i]`, for every `i`. `arguments` holds the
    /// call's argument columns, then its `ORDER BY` key columns; all have `groups.count` rows.
    /// Rows excluded by a `FILTER` clause are not passed.
    func update(groups: [Int32], arguments: [any ColumnArray]) throws
    /// Adds every group `g` of `other` (an accumulator made for the same call) into group
    /// `targets[g]` of this one.
    func merge(_ other: any GroupedAccumulator, targets: [Int32]) throws
    /// The final value of every group, in group order; the column has the call's type.
    func finish() throws -> any ColumnArray
    /// Bytes held, reported to the memory pool.
    var memoryUsage: Int { get }
}
