import XCTest
import LodeCore
@testable import LodeExecution

final class HashingTests: XCTestCase {
    func testEqualKeysHashEqual() {
        let doubles = KeyColumn(PrimitiveArray<Double>(.float64, [0.0, -0.0, .nan, -.nan, 1.0]))
        let h = KeyHasher.hash([doubles], count: 5)
        XCTAssertEqual(h[0], h[1])
        XCTAssertEqual(h[2], h[3])
        XCTAssertNotEqual(h[0], h[4])
        // A NULL hashes the same whatever its slot holds.
        let nulls = KeyColumn(PrimitiveArray<Int64>(.int64, storage: [5, 9, 5], validity: Bitmap([false, false, true])))
        let n = KeyHasher.hash([nulls], count: 3)
        XCTAssertEqual(n[0], n[1])
        XCTAssertNotEqual(n[0], n[2])
        let strings = KeyColumn(BinaryArray(strings: ["abcdefghij", "abcdefghij", "abcdefghik", ""]))
        let s = KeyHasher.hash([strings], count: 4)
        XCTAssertEqual(s[0], s[1])
        XCTAssertNotEqual(s[0], s[2])
    }

    func testTableGroupsNullsTogetherButFindNeverMatchesThem() throws {
        for column in [KeyColumn(PrimitiveArray<Int32>(.int32, [1, nil, 2, 1, nil])),
                       KeyColumn(BinaryArray(strings: ["x", nil, "y", "x", nil]))] {
            let table = KeyTable(types: [column.type])
            XCTAssertEqual(try table.findOrInsert([column], count: 5), [0, 1, 2, 0, 1])
            XCTAssertEqual(try table.find([column], count: 5), [0, -1, 2, 0, -1])
            XCTAssertEqual(try table.materialize()[0].values, [column.type == .string ? .string("x") : .int(1), .null,
                                                                column.type == .string ? .string("y") : .int(2)])
        }
    }

    func testMultiColumnKeysGrowPastManyChunks() throws {
        let n = 100_000
        let ints = KeyColumn(PrimitiveArray<Int64>(.int64, storage: (0..<n).map { Int64($0 % 30_000) }))
        let strings = KeyColumn(BinaryArray(strings: (0..<n).map { $0 % 7 == 0 ? nil : "s\($0 % 3)" }))
        let decimals = KeyColumn(PrimitiveArray<Int128>(.decimal(precision: 30, scale: 0), storage: (0..<n).map { Int128($0 % 2) }))
        let table = KeyTable(types: [.int64, .string, .decimal(precision: 30, scale: 0)])
        let groups = try table.findOrInsert([ints, strings, decimals], count: n)
        var expected: [String: Int32] = [:]
        for i in 0..<n {
            let key = "\(i % 30_000)|\(i % 7 == 0 ? "NULL" : "s\(i % 3)")|\(i % 2)"
            if let g = expected[key] { XCTAssertEqual(groups[i], g) } else { expected[key] = groups[i] }
        }
        XCTAssertEqual(table.count, expected.count)
        XCTAssertEqual(try table.findOrInsert([ints, strings, decimals], count: n), groups)
        let single = KeyTable(types: [.int64])
        let singleGroups = try single.findOrInsert([ints], count: n)
        XCTAssertEqual(single.count, 30_000)
        XCTAssertEqual(singleGroups[30_001], 1)
    }

    func testSeveralWordColumnsGroupNullsTogetherAndRoundTrip() throws {
        let n = 20_000
        let a = PrimitiveArray<Int32>(.int32, (0..<n).map { $0 % 11 == 0 ? nil : Int32($0 % 100) })
        let b = PrimitiveArray<Double>(.float64, (0..<n).map { (i: Int) -> Double? in
            if i % 13 == 0 { return nil }
            let zero: Double = i % 2 == 0 ? -0.0 : 0.0
            return zero + Double(i % 7)
        })
        let d = PrimitiveArray<Int32>(.date, (0..<n).map { Int32($0 % 3) })
        let columns = [KeyColumn(a), KeyColumn(b), KeyColumn(d)]
        let table = KeyTable(types: [.int32, .float64, .date])
        let groups = try table.findOrInsert(columns, count: n)
        var expected: [String: Int32] = [:]
        for i in 0..<n {
            let key = "\(a.value(at: i))|\(b.isNull(i) ? "NULL" : "\(b.storage[i] + 0.0)")|\(i % 3)"
            if let g = expected[key] { XCTAssertEqual(groups[i], g, key) } else { expected[key] = groups[i] }
        }
        XCTAssertEqual(table.count, expected.count)
        let keys = try table.materialize()
        XCTAssertEqual(keys.map(\.dataType), [.int32, .float64, .date])
        for i in [0, 1, 11, 13, 143, 19_999] {
            let g = Int(groups[i])
            XCTAssertEqual(keys[0].value(at: g), a.value(at: i))
            XCTAssertEqual(keys[2].value(at: g), d.value(at: i))
            XCTAssertEqual(keys[1].isNull(g), b.isNull(i))
        }
        let found = try table.find(columns, count: n)
        for i in 0..<n { XCTAssertEqual(found[i], a.isNull(i) || b.isNull(i) ? -1 : groups[i]) }
    }

    func testZeroKeysMakeOneGroup() throws {
        let table = KeyTable(types: [])
        XCTAssertEqual(try table.findOrInsert([], count: 3), [0, 0, 0])
        XCTAssertEqual(table.count, 1)
    }

    func testMismatchedKeyFormsThrow() {
        let table = KeyTable(types: [.int64])
        XCTAssertThrowsError(try table.find([KeyColumn(BinaryArray(strings: ["a"]))], count: 1))
    }
}
