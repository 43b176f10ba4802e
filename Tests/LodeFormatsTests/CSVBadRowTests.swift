import LodeCore
@testable import LodeFormats
import XCTest

final class CSVBadRowTests: XCTestCase {
    /// Line 4 starts a quoted field spanning lines 4–5, so the bad value on line 6 must
    /// be reported as line 6.
    let text = """
    id,note,amount
    1,ok,1.5
    2,"short",abc
    3,"two
    lines",2.5
    4,after,oops
    5,too,many,fields
    6,fine,3
    """

    var schema: Schema { Schema([Field("id", .int64), Field("note", .string), Field("amount", .float64)]) }

    func testFailNamesFileLineColumnAndReason() {
        let options = CSVReadOptions().with(\.schema, schema)
        XCTAssertThrowsError(try readCSV(text, options)) { error in
            guard let error = error as? FormatError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .badRow)
            XCTAssertEqual(error.line, 3)
            XCTAssertEqual(error.column, "amount")
            XCTAssertEqual(error.message, "'abc' is not a valid DOUBLE")
            XCTAssertEqual(error.badRow?.text, "2,\"short\",abc")
            XCTAssertEqual(error.description, "line 3, column 'amount': bad row: 'abc' is not a valid DOUBLE")
        }
    }

    func testSkipDropsBadRows() throws {
        let (_, rows, reader) = try readCSV(text, CSVReadOptions().with(\.schema, schema).with(\.onBadRow, .skip))
        XCTAssertEqual(rows.map { $0[0] }, [.int(1), .int(3), .int(6)])
        XCTAssertEqual(rows[1][1], .string("two\nlines"))
        XCTAssertTrue(reader.badRows.isEmpty)
    }

    func testCollectKeepsBadRowsWithExactLines() throws {
        let (_, rows, reader) = try readCSV(text, CSVReadOptions().with(\.schema, schema).with(\.onBadRow, .collect))
        XCTAssertEqual(rows.map { $0[0] }, [.int(1), .int(3), .int(6)])
        let bad = reader.takeBadRows()
        XCTAssertEqual(bad.map(\.line), [3, 6, 7])
        XCTAssertEqual(bad.map(\.column), ["amount", "amount", nil])
        XCTAssertEqual(bad.map(\.reason), ["'abc' is not a valid DOUBLE", "'oops' is not a valid DOUBLE",
                                           "expected 3 fields, found 4"])
        XCTAssertEqual(bad.map(\.text), ["2,\"short\",abc", "4,after,oops", "5,too,many,fields"])
        XCTAssertTrue(reader.badRows.isEmpty, "taken rows are forgotten")
    }

    func testBadRowsInOrderAcrossBatches() throws {
        var lines = ["n"]
        for i in 1...50 { lines.append(i % 10 == 0 ? "x\(i)" : "\(i)") }
        let options = CSVReadOptions().with(\.schema, Schema([Field("n", .int32)])).with(\.batchSize, 7)
            .with(\.onBadRow, .collect)
        let (_, rows, reader) = try readCSV(lines.joined(separator: "\n"), options)
        XCTAssertEqual(rows.count, 45)
        XCTAssertEqual(reader.badRows.map(\.line), [11, 21, 31, 41, 51])
    }

    func testMaxBadRows() {
        let options = CSVReadOptions().with(\.schema, schema).with(\.onBadRow, .skip).with(\.maxBadRows, 2)
        XCTAssertThrowsError(try readCSV(text, options)) { error in
            XCTAssertEqual((error as? FormatError)?.kind, .tooManyBadRows)
            XCTAssertEqual((error as? FormatError)?.line, 7)
        }
    }

    func testInvalidUTF8IsABadRow() throws {
        var bytes = Array("a,b\n1,ok\n2,".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\n3,fine\n".utf8)
        let options = CSVReadOptions().with(\.onBadRow, .collect)
        let (schema, rows, reader) = try readCSV(bytes, options)
        XCTAssertEqual(schema.fields.map(\.type), [.int64, .string])
        XCTAssertEqual(rows, [[.int(1), .string("ok")], [.int(3), .string("fine")]])
        XCTAssertEqual(reader.badRows.first?.line, 3)
        XCTAssertEqual(reader.badRows.first?.column, "b")
        XCTAssertEqual(reader.badRows.first?.reason, "invalid UTF-8")
        XCTAssertEqual(reader.badRows.first?.raw, Array("2,".utf8) + [0xC3, 0x28])
    }

    func testUnterminatedQuoteResumesOnTheNextLine() throws {
        let (_, rows, reader) = try readCSV("a,b\n1,\"open\n2,x\n", CSVReadOptions().with(\.onBadRow, .collect))
        XCTAssertEqual(rows, [[.int(2), .string("x")]])
        XCTAssertEqual(reader.badRows.map(\.line), [2])
        XCTAssertEqual(reader.badRows.map(\.reason), ["unterminated quoted field"])
        XCTAssertEqual(reader.badRows.map(\.text), ["1,\"open"])
    }

    func testTextAfterClosingQuote() throws {
        let (_, rows, reader) = try readCSV("a,b\n1,\"x\"y\n2,z\n", CSVReadOptions().with(\.onBadRow, .collect))
        XCTAssertEqual(rows, [[.int(2), .string("z")]])
        XCTAssertEqual(reader.badRows.map(\.line), [2])
        XCTAssertEqual(reader.badRows.map(\.reason), ["unexpected 'y' after a closing quote"])
        XCTAssertEqual(reader.badRows.map(\.text), ["1,\"x\"y"])
    }

    func testNotNullColumn() throws {
        let options = CSVReadOptions().with(\.schema, try parseSchema("a INT NOT NULL, b VARCHAR NOT NULL"))
            .with(\.onBadRow, .collect)
        let (_, rows, reader) = try readCSV("a,b\n1,x\n,y\n3,\n4,\"\"\n", options)
        XCTAssertEqual(rows, [[.int(1), .string("x")], [.int(4), .string("")]])
        XCTAssertEqual(reader.badRows.map(\.line), [3, 4])
        XCTAssertEqual(reader.badRows.map(\.reason), ["null in NOT NULL column", "null in NOT NULL column"])
    }

    func testOverlongRowFromAFile() throws {
        let dir = try temporaryDirectory(self)
        let path = dir.appendingPathComponent("long.csv").path
        var text = "a,b\n1,x\n2,\"never closed\n"
        for i in 3..<2000 { text += "\(i),y\n" }
        try Array(text.utf8).withUnsafeBytes { try Data($0).write(to: URL(fileURLWithPath: path)) }
        let options = CSVReadOptions().with(\.schema, Schema([Field("a", .int64), Field("b", .string)]))
            .with(\.maxRowBytes, 1000).with(\.chunkSize, 4096).with(\.onBadRow, .collect)
        let reader = try CSVReader(path: path, options: options)
        let rows = try reader.readAll().reduce(0) { $0 + $1.count }
        XCTAssertEqual(rows, 1998)
        XCTAssertEqual(reader.badRows.map(\.line), [3])
        XCTAssertEqual(reader.badRows.first?.text, "2,\"never closed")
    }
}
