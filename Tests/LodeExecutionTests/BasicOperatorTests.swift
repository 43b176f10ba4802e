import XCTest
import LodeCore
@testable import LodeExecution

/// Serves fixed batches, one list per partition.
final class PartitionedBatchesOperator: PhysicalOperator {
    let schema: Schema
    let partitions: [[RecordBatch]]

    init(schema: Schema, partitions: [[RecordBatch]]) {
        self.schema = schema
        self.partitions = partitions
    }

    var children: [any PhysicalOperator] { [] }
    var partitionCount: Int { partitions.count }
    var name: String { "Fixed" }
    var details: String { "" }

    func execute(partition: Int, context: ExecutionContext) throws -> any BatchStream {
        MemoryBatchStream(schema: schema, batches: partitions[partition])
    }
}

/// `column > constant` over an Int64 column, for operator tests.
struct Int64GreaterThan: PhysicalExpression {
    let index: Int
    let constant: Int64
    var type: DataType { .boolean }
    var description: String { "#\(index) > \(constant)" }

    func evaluate(_ batch: RecordBatch) throws -> any ColumnArray {
        let column = batch.columns[index] as! PrimitiveArray<Int64>
        return BooleanArray(storage: column.storage.map { $0 > constant }, validity: column.validity)
    }
}

final class BasicOperatorTests: XCTestCase {
    let schema = Schema([Field("x", .int64)])

    func batch(_ values: [Int64?]) throws -> RecordBatch {
        try RecordBatch(schema: schema, columns: [PrimitiveArray<Int64>(.int64, values)])
    }

    func rows(_ batches: [RecordBatch]) -> [Value] { batches.flatMap { $0.columns[0].values } }

    func testFilterKeepsOnlyTrueRowsInEveryPartition() throws {
        let input = PartitionedBatchesOperator(schema: schema, partitions: [[try batch([1, 5, nil, 7])], [try batch([9, 2])]])
        let filter = FilterOperator(input: input, predicate: Int64GreaterThan(index: 0, constant: 4))
        XCTAssertEqual(filter.partitionCount, 2)
        XCTAssertEqual(rows(try ExecutionContext(threads: 2).collect(filter)), [.int(5), .int(7), .int(9)])
    }

    func testLimitSkipsTheOffsetAcrossBatchesAndPartitions() throws {
        let input = PartitionedBatchesOperator(schema: schema, partitions: [[try batch([1, 2]), try batch([3])], [try batch([4, 5, 6])]])
        let limit = LimitOperator(input: input, limit: 3, offset: 2)
        XCTAssertEqual(rows(try ExecutionContext(threads: 2).collect(limit)), [.int(3), .int(4), .int(5)])
        let rest = LimitOperator(input: input, limit: nil, offset: 5)
        XCTAssertEqual(rows(try ExecutionContext().collect(rest)), [.int(6)])
    }

    func testProjectionRenamesAndReordersColumns() throws {
        let two = Schema([Field("a", .int64), Field("b", .int64)])
        let input = PartitionedBatchesOperator(schema: two, partitions: [[
            try RecordBatch(schema: two, columns: [PrimitiveArray<Int64>(.int64, [1, 2]), PrimitiveArray<Int64>(.int64, [3, 4])]),
        ]])
        let out = Schema([Field("second", .int64), Field("first", .int64)])
        let projection = ProjectionOperator(input: input, expressions: [ColumnExpression(index: 1, type: .int64),
                                                                        ColumnExpression(index: 0, type: .int64)], schema: out)
        let result = try ExecutionContext().collect(projection)
        XCTAssertEqual(result.first?.schema.names, ["second", "first"])
        XCTAssertEqual(result.first?.row(0), [.int(3), .int(1)])
    }

    func testBatchWithoutColumnsKeepsItsRowCount() throws {
        let one = try RecordBatch(schema: Schema([]), columns: [], count: 1)
        XCTAssertEqual(one.count, 1)
        XCTAssertEqual(one.slice(0..<1).count, 1)
        XCTAssertEqual(one.take([0, 0]).count, 2)
    }
}
