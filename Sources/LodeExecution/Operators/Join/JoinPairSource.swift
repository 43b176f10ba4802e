import LodeCore
import LodePlan

/// Proposes the (left row, build row) pairs of one left batch that a join then checks
/// against its condition.
protocol JoinPairSource {
    /// Starts on `batch`; returns, for each row, whether a NULL comparison may make it a
    /// match (for `mark` and null-aware `anti` joins), or `nil` when none can.
    mutating func start(_ batch: RecordBatch) throws -> [Bool]?
    /// Appends at most `limit` more pairs of the batch; false once there are none left.
    mutating func nextPairs(left: inout [Int], right: inout [Int], limit: Int) -> Bool
    /// For each row of the batch, whether it has any pair at all.
    func rowsWithPairs() -> [Bool]
}

/// Every left row with every build row: the pairs of a nested loop join.
struct CrossPairSource: JoinPairSource {
    let buildCount: Int
    private var rowCount = 0
    private var row = 0
    private var column = 0

    init(buildCount: Int) { self.buildCount = buildCount }

    mutating func start(_ batch: RecordBatch) throws -> [Bool]? {
        rowCount = batch.count
        row = 0
        column = 0
        return nil
    }

    mutating func nextPairs(left: inout [Int], right: inout [Int], limit: Int) -> Bool {
        guard buildCount > 0 else { return false }
        var produced = 0
        while row < rowCount, produced < limit {
            let n = min(limit - produced, buildCount - column)
            left.append(contentsOf: repeatElement(row, count: n))
            right.append(contentsOf: column..<(column + n))
            produced += n
            column += n
            if column == buildCount {
                column = 0
                row += 1
            }
        }
        return produced > 0
    }

    func rowsWithPairs() -> [Bool] { [Bool](repeating: buildCount > 0, count: rowCount) }
}
