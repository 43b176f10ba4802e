import XCTest
import LodeCore
import LodePlan
@testable import LodeExecution

final class SetOperationTests: XCTestCase {
    let schema = testSchema(("a", .int32), ("b", .string))
    let left: [[Value]] = [[.int(1), .string("a")], [.int(1), .string("a")], [.int(2), .null], [.int(2), .null],
                           [.int(3), .string("c")], [.null, .null]]
    let right: [[Value]] = [[.int(1), .string("a")], [.int(2), .null], [.int(4), .string("d")], [.null, .null], [.null, .null]]

    func run(_ kind: SetOperation.Kind, all: Bool) throws -> [String] {
        let op = SetOperationOperator(kind: kind, all: all, left: HashingTestSource(schema, left, partitions: 2, batchRows: 2),
                                      right: HashingTestSource(testSchema(("c", .int32), ("d", .string)), right, partitions: 3, batchRows: 1),
                                      schema: schema)
        return sortedRows(try testRows(op, ExecutionContext(threads: 2, batchSize: 2)))
    }

    func testMatchesDuckDB() throws {
        XCTAssertEqual(try run(.union, all: false), ["1|a", "2|NULL", "3|c", "4|d", "NULL|NULL"].sorted())
        XCTAssertEqual(try run(.intersect, all: false), ["1|a", "2|NULL", "NULL|NULL"].sorted())
        XCTAssertEqual(try run(.intersect, all: true), ["1|a", "2|NULL", "NULL|NULL"].sorted())
        XCTAssertEqual(try run(.except, all: false), ["3|c"])
        XCTAssertEqual(try run(.except, all: true), ["1|a", "2|NULL", "3|c"].sorted())
    }

    func testUnionAllConcatenatesPartitionsUnderOneSchema() throws {
        let op = UnionAllOperator(inputs: [HashingTestSource(schema, left, partitions: 2),
                                           HashingTestSource(testSchema(("c", .int32), ("d", .string)), right, partitions: 3)],
                                  schema: schema)
        XCTAssertEqual(op.partitionCount, 5)
        let batches = try ExecutionContext(threads: 2).collect(op)
        XCTAssertTrue(batches.allSatisfy { $0.schema == schema })
        XCTAssertEqual(sortedRows(batches.flatMap { b in (0..<b.count).map { b.row($0) } }), sortedRows(left + right))
    }
}
