import LodeCore
import LodePlan
import XCTest
@testable import LodeExecution

/// A source serving fixed batches, one list of batches per partition.
final class FixedBatchesOperator: PhysicalOperator, @unchecked Sendable {
    let schema: Schema
    let partitions: [[RecordBatch]]

    init(schema: Schema, partitions: [[RecordBatch]]) {
        self.schema = schema
        self.partitions = partitions
    }

    /// The row ranges of `batch` listed per partition.
    convenience init(_ batch: RecordBatch, partitions: [[Range<Int>]]) {
        self.init(schema: batch.schema, partitions: partitions.map { $0.map { batch.slice($0) } })
    }

    var children: [any PhysicalOperator] { [] }
    var partitionCount: Int { partitions.count }
    var name: String { "FixedBatches" }
    var details: String { "" }

    func execute(partition: Int, context: ExecutionContext) throws -> any BatchStream {
        MemoryBatchStream(schema: schema, batches: partitions[partition])
    }
}

/// Sorts checked against DuckDB 2.0.1 (`ORDER BY keys, id`: the sort is stable and ids
/// follow the input order).
final class SortOperatorTests: XCTestCase {
    static let schema = Schema([Field("id", .int32), Field("a", .int32), Field("b", .string), Field("c", .float64)])
    static let batch: RecordBatch = {
        let a: [Int32?] = [3, nil, 1, 3, 2, nil, 1, 2, 3, 1, 2, 0, 3, 1, nil, 2, 0, 1, 3, 2]
        let b: [String?] = ["b", "a", nil, "a", "b", nil, "c", "a", "b", "a", nil, "bb", "b", "", "a", "ab", "b", "c", nil, "b"]
        let c: [Double?] = [1.5, nil, .nan, -2.0, 0.0, 3.0, .nan, -0.0, 1e300, -1e300, 2.0, nil, 1.5, -.infinity, .infinity,
                            0.5, 0.5, -2.0, 1.0, 2.0]
        return try! RecordBatch(schema: schema, columns: [
            PrimitiveArray<Int32>(.int32, storage: Array(0..<20)), PrimitiveArray<Int32>(.int32, a),
            BinaryArray(strings: b), PrimitiveArray<Double>(.float64, c),
        ])
    }()

    func input() -> FixedBatchesOperator {
        FixedBatchesOperator(Self.batch, partitions: [[0..<4, 4..<7], [7..<14], [14..<15, 15..<20]])
    }

    func key(_ column: Int, _ ascending: Bool = true, nullsFirst: Bool = false) -> PhysicalSortKey {
        PhysicalSortKey(expression: ColumnExpression(index: column, type: Self.schema.fields[column].type),
                        ascending: ascending, nullsFirst: nullsFirst)
    }

    func ids(_ keys: [PhysicalSortKey], limit: Int? = nil, offset: Int = 0, threads: Int = 2) throws -> [Int64] {
        let sort = SortOperator(input: input(), keys: keys, limit: limit, offset: offset, schema: Self.schema)
        let batches = try ExecutionContext(threads: threads, batchSize: 3).collect(sort)
        XCTAssertTrue(batches.allSatisfy { $0.count <= 3 })
        return batches.flatMap { $0.columns[0].values }.map { v in if case .int(let i) = v { return i } else { return -1 } }
    }

    func testSingleKeysWithNullPlacementAndDirection() throws {
        XCTAssertEqual(try ids([key(1)]), [11, 16, 2, 6, 9, 13, 17, 4, 7, 10, 15, 19, 0, 3, 8, 12, 18, 1, 5, 14])
        XCTAssertEqual(try ids([key(1, false)]), [0, 3, 8, 12, 18, 4, 7, 10, 15, 19, 2, 6, 9, 13, 17, 11, 16, 1, 5, 14])
        XCTAssertEqual(try ids([key(1, nullsFirst: true)]), [1, 5, 14, 11, 16, 2, 6, 9, 13, 17, 4, 7, 10, 15, 19, 0, 3, 8, 12, 18])
        XCTAssertEqual(try ids([key(1, false, nullsFirst: true)]), [1, 5, 14, 0, 3, 8, 12, 18, 4, 7, 10, 15, 19, 2, 6, 9, 13, 17, 11, 16])
    }

    func testStringsSortBytewise() throws {
        XCTAssertEqual(try ids([key(2)]), [13, 1, 3, 7, 9, 14, 15, 0, 4, 8, 12, 16, 19, 11, 6, 17, 2, 5, 10, 18])
        XCTAssertEqual(try ids([key(2, false, nullsFirst: true)]), [2, 5, 10, 18, 6, 17, 11, 0, 4, 8, 12, 16, 19, 15, 1, 3, 7, 9, 14, 13])
    }

    func testDoublesPutNaNAfterInfinityAndNegativeZeroEqualToZero() throws {
        XCTAssertEqual(try ids([key(3)]), [13, 9, 3, 17, 4, 7, 15, 16, 18, 0, 12, 10, 19, 5, 8, 14, 2, 6, 1, 11])
        XCTAssertEqual(try ids([key(3, false)]), [2, 6, 14, 8, 5, 10, 19, 0, 12, 18, 15, 16, 4, 7, 3, 17, 9, 13, 1, 11])
    }

    func testSeveralKeys() throws {
        XCTAssertEqual(try ids([key(1), key(2, false)]), [11, 16, 6, 17, 9, 13, 2, 4, 19, 15, 7, 10, 0, 8, 12, 3, 18, 1, 14, 5])
        XCTAssertEqual(try ids([key(2, nullsFirst: true), key(3, false)]),
                       [2, 5, 10, 18, 13, 14, 7, 3, 9, 1, 15, 8, 19, 0, 12, 16, 4, 11, 6, 17])
    }

    func testTopNWithOffset() throws {
        XCTAssertEqual(try ids([key(1, false), key(3)], limit: 5), [3, 18, 0, 12, 8])
        XCTAssertEqual(try ids([key(1)], limit: 4, offset: 3), [6, 9, 13, 17])
        XCTAssertEqual(try ids([key(3, false)], limit: 3, offset: 18), [1, 11])
        XCTAssertEqual(try ids([key(2), key(1)], limit: 0), [])
        XCTAssertEqual(try ids([key(1)], limit: nil, offset: 17), [1, 5, 14])
        XCTAssertEqual(try ids([key(1)], limit: 4, offset: 3, threads: 1), [6, 9, 13, 17])
    }

    func testManyRowsAcrossPartitionsMatchAStableSort() throws {
        let n = 50_000
        var generator = SystemRandomNumberGenerator()
        let keys = (0..<n).map { _ in Int64.random(in: 0..<1000, using: &generator) }
        let schema = Schema([Field("k", .int64), Field("row", .int64)])
        let batch = try RecordBatch(schema: schema, columns: [PrimitiveArray<Int64>(.int64, storage: keys),
                                                              PrimitiveArray<Int64>(.int64, storage: (0..<Int64(n)).map { $0 })])
        let pieces = stride(from: 0, to: n, by: 4096).map { $0..<min(n, $0 + 4096) }
        let source = FixedBatchesOperator(batch, partitions: [Array(pieces[0..<5]), Array(pieces[5...])])
        let expected = (0..<n).sorted { keys[$0] != keys[$1] ? keys[$0] > keys[$1] : $0 < $1 }.map(Int64.init)
        for limit in [nil, 10, 5000] as [Int?] {
            let sort = SortOperator(input: source, keys: [PhysicalSortKey(expression: ColumnExpression(index: 0, type: .int64), ascending: false)],
                                    limit: limit, offset: 7, schema: schema)
            let rows = try ExecutionContext(threads: 2, batchSize: 1000).collect(sort).flatMap { $0.columns[1].values }
            let wanted = expected.dropFirst(7).prefix(limit ?? n).map { Value.int($0) }
            XCTAssertEqual(rows, Array(wanted), "limit \(String(describing: limit))")
        }
    }

    func testSortOverTheMemoryLimitFailsCleanly() {
        let sort = SortOperator(input: input(), keys: [key(1)], limit: nil, schema: Self.schema)
        XCTAssertThrowsError(try ExecutionContext(threads: 2, memoryLimit: 100).collect(sort)) { error in
            XCTAssertEqual((error as? ExecutionError)?.kind, .outOfMemory)
        }
    }
}
