import LodeCore
import LodePlan

/// The pairs of a left batch whose keys equal a build row's: each row's chain of build
/// rows, cut into chunks so that a key with many matches spreads over several batches.
struct HashPairSource: JoinPairSource {
    let table: JoinHashTable
    let keys: [any PhysicalExpression]
    let tracksNulls: Bool
    private var groups: [Int32] = []
    private var row = 0
    /// The next build row of the current row's chain, or -1 to start the row.
    private var chain: Int32 = -1

    init(table: JoinHashTable, keys: [any PhysicalExpression], kind: JoinKind) {
        self.table = table
        self.keys = keys
        switch kind {
        case .mark, .anti(nullAware: true): tracksNulls = true
        default: tracksNulls = false
        }
    }

    mutating func start(_ batch: RecordBatch) throws -> [Bool]? {
        let columns = try keys.map { KeyColumn(try $0.evaluate(batch)) }
        groups = try table.keys.find(columns, count: batch.count)
        row = 0
        chain = -1
        guard tracksNulls, table.build.rows.count > 0 else { return nil }
        if table.hasNullKey { return [Bool](repeating: true, count: batch.count) }
        return KeyColumn.nullRows(columns, count: batch.count)
    }

    mutating func nextPairs(left: inout [Int], right: inout [Int], limit: Int) -> Bool {
        var produced = 0
        left.reserveCapacity(left.count + limit)
        right.reserveCapacity(right.count + limit)
        table.first.withUnsafeBufferPointer { first in
            table.next.withUnsafeBufferPointer { next in
                while row < groups.count, produced < limit {
                    if chain < 0 {
                        let g = groups[row]
                        guard g >= 0 else {
                            row += 1
                            continue
                        }
                        chain = first[Int(g)]
                    }
                    while chain >= 0, produced < limit {
                        left.append(row)
                        right.append(Int(chain))
                        produced += 1
                        chain = next[Int(chain)]
                    }
                    if chain < 0 { row += 1 }
                }
            }
        }
        return produced > 0
    }

    func rowsWithPairs() -> [Bool] { groups.map { $0 >= 0 } }
}
