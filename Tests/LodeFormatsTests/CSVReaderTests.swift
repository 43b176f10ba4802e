import Foundation
import LodeCore
@testable import LodeFormats
import XCTest

final class CSVReaderTests: XCTestCase {
    func testInfersTypesAndReadsValues() throws {
        let (schema, rows, _) = try readCSV("""
        id,name,price,ok,day,at
        1,apple,1.5,true,2024-01-31,2024-01-31 12:00:00
        2,"pear, green",2,false,2024-02-29,2024-02-29T23:59:59.5
        3,,,,,
        """)
        XCTAssertEqual(schema.fields.map(\.type), [.int64, .string, .float64, .boolean, .date, .timestampNTZ])
        XCTAssertEqual(schema.names, ["id", "name", "price", "ok", "day", "at"])
        XCTAssertEqual(rows, [
            [.int(1), .string("apple"), .double(1.5), .boolean(true), date("2024-01-31"), ts("2024-01-31 12:00:00")],
            [.int(2), .string("pear, green"), .double(2), .boolean(false), date("2024-02-29"), ts("2024-02-29 23:59:59.5")],
            [.int(3), .null, .null, .null, .null, .null],
        ])
    }

    func testQuotingEdgeCases() throws {
        let text = "a,b\n" +
            "\"say \"\"hi\"\"\",\"x,y\"\n" +          // doubled quotes, quoted delimiter
            "\"line1\nline2\",\"cr\r\nlf\"\n" +       // embedded LF and CRLF
            "\"\",plain\"quote\n" +                   // empty quoted, quote inside unquoted field
            "\"\"\"\",\" padded \"\n"                   // a lone quote, spaces kept
        let (_, rows, _) = try readCSV(text)
        XCTAssertEqual(rows, [
            [.string("say \"hi\""), .string("x,y")],
            [.string("line1\nline2"), .string("cr\r\nlf")],
            [.string(""), .string("plain\"quote")],
            [.string("\""), .string(" padded ")],
        ])
    }

    func testLineEndsAndByteOrderMark() throws {
        for text in ["\u{FEFF}a,b\r\n1,x\r\n2,y\r\n", "a,b\r1,x\r2,y", "a,b\n1,x\n\n2,y\n\n"] {
            let (schema, rows, _) = try readCSV(text)
            XCTAssertEqual(schema.names, ["a", "b"], text.debugDescription)
            XCTAssertEqual(rows, [[.int(1), .string("x")], [.int(2), .string("y")]], text.debugDescription)
        }
    }

    func testCustomDelimiterQuoteAndEscape() throws {
        for delimiter: Character in [";", "\t", "|"] {
            let d = String(delimiter)
            let (_, rows, _) = try readCSV("a\(d)b\n1\(d)\"x\(d)y\"\n", CSVReadOptions().with(\.delimiter, delimiter))
            XCTAssertEqual(rows, [[.int(1), .string("x\(d)y")]])
        }
        let options = CSVReadOptions().with(\.quote, "'").with(\.escape, "\\")
        let (_, rows, _) = try readCSV("a,b\n'it\\'s','x\\\\y'\nplain\\,comma,z\n", options)
        XCTAssertEqual(rows, [[.string("it's"), .string("x\\y")], [.string("plain,comma"), .string("z")]])
        let unquoted = CSVReadOptions().with(\.quote, nil)
        let (_, raw, _) = try readCSV("a,b\n\"x,y\"\n", unquoted)
        XCTAssertEqual(raw, [[.string("\"x"), .string("y\"")]])
    }

    func testHeaderOffNamesColumns() throws {
        let (schema, rows, _) = try readCSV("1,x\n2,y\n", CSVReadOptions().with(\.hasHeader, false))
        XCTAssertEqual(schema.names, ["column0", "column1"])
        XCTAssertEqual(rows.count, 2)
    }

    func testDuplicateAndEmptyHeaderNames() throws {
        let (schema, _, _) = try readCSV("a,a,,A\n1,2,3,4\n")
        XCTAssertEqual(schema.names, ["a", "a_1", "column2", "A"])
    }

    func testNullsAndEmptyStrings() throws {
        let options = CSVReadOptions().with(\.nullValues, ["", "NULL", "n/a"])
        let (schema, rows, _) = try readCSV("s,i\n,1\n\"\",NULL\nNULL,n/a\n\"NULL\",2\n n/a,\n", options)
        XCTAssertEqual(schema.fields.map(\.type), [.string, .int64])
        XCTAssertEqual(rows, [
            [.null, .int(1)],
            [.string(""), .null],
            [.null, .null],
            [.string("NULL"), .int(2)],
            [.string(" n/a"), .null],
        ])
        let noEmptyNull = CSVReadOptions().with(\.nullValues, ["NULL"])
            .with(\.schema, Schema([Field("s", .string), Field("i", .int64)]))
        let (_, rows2, _) = try readCSV("s,i\n,\nNULL,NULL\n", noEmptyNull)
        XCTAssertEqual(rows2, [[.string(""), .null], [.null, .null]])
    }

    func testDateAndTimestampFormats() throws {
        let options = CSVReadOptions().with(\.dateFormat, "%d/%m/%Y").with(\.timestampFormat, "%Y-%m-%dT%H:%M:%S%z")
        let (schema, rows, _) = try readCSV("d,t\n31/01/2024,2024-01-31T12:00:00+02:00\n1/2/1999,2024-01-31T12:00:00Z\n", options)
        XCTAssertEqual(schema.fields.map(\.type), [.date, .timestampUTC])
        XCTAssertEqual(rows, [
            [date("2024-01-31"), ts("2024-01-31 10:00:00", utc: true)],
            [date("1999-02-01"), ts("2024-01-31 12:00:00", utc: true)],
        ])
        let fractional = CSVReadOptions().with(\.timestampFormat, "%Y-%m-%d %H:%M:%S.%f")
            .with(\.schema, Schema([Field("t", .timestamp(.nanosecond, utc: false))]))
        let (_, rows2, _) = try readCSV("t\n2024-01-31 12:00:00.123456789\n", fractional)
        XCTAssertEqual(rows2, [[ts("2024-01-31 12:00:00.123456789", .nanosecond)]])
    }

    func testISOTimestampsWithZonesInferUTC() throws {
        let (schema, rows, _) = try readCSV("t\n2024-01-31T12:00:00Z\n2024-01-31 12:00:00.25-01:30\n")
        XCTAssertEqual(schema.fields.map(\.type), [.timestampUTC])
        XCTAssertEqual(rows, [[ts("2024-01-31 12:00:00", utc: true)], [ts("2024-01-31 13:30:00.25", utc: true)]])
    }

    func testExplicitSchemaByPositionAndNarrowTypes() throws {
        let schema = try parseSchema("id TINYINT, amount DECIMAL(38,2), small SMALLINT, f FLOAT, blob BLOB, n INT")
        let text = """
        a,b,c,d,e,f
        127,-123456789012345678901234567890123456.78,-32768,1.5,3q2+7w==,2147483647
        -128,0.005,32767,-0.25,,-2147483648
        """
        let (readSchema, rows, _) = try readCSV(text, CSVReadOptions().with(\.schema, schema))
        XCTAssertEqual(readSchema, schema)
        XCTAssertEqual(rows, [
            [.int(127), dec("-123456789012345678901234567890123456.78", 38, 2), .int(-32768), .double(1.5),
             .binary([0xDE, 0xAD, 0xBE, 0xEF]), .int(2_147_483_647)],
            [.int(-128), dec("0.01", 38, 2), .int(32767), .double(-0.25), .null, .int(-2_147_483_648)],
        ])
    }

    func testHeaderSchemaMismatchThrows() {
        let options = CSVReadOptions().with(\.schema, Schema([Field("a", .int64)]))
        XCTAssertThrowsError(try CSVReader(bytes: Array("a,b\n1,2\n".utf8), options: options)) { error in
            XCTAssertEqual((error as? FormatError)?.kind, .schemaMismatch)
        }
    }

    func testExtremeValues() throws {
        let text = """
        i,d,day,t
        9223372036854775807,1e308,9999-12-31,1677-09-22 00:00:00
        -9223372036854775808,-4.9e-324,0001-01-01,2262-04-11 23:47:16.854775
        """
        let (schema, rows, _) = try readCSV(text)
        XCTAssertEqual(schema.fields.map(\.type), [.int64, .float64, .date, .timestampNTZ])
        XCTAssertEqual(rows[0][0], .int(.max))
        XCTAssertEqual(rows[1][0], .int(.min))
        XCTAssertEqual(rows[0][1], .double(1e308))
        XCTAssertEqual(rows[1][1], .double(-4.9e-324))
        XCTAssertEqual(rows[0][2], date("9999-12-31"))
        XCTAssertEqual(rows[1][2], date("0001-01-01"))
        XCTAssertEqual(rows[1][3], ts("2262-04-11 23:47:16.854775"))
    }

    func testNonASCIIText() throws {
        let (_, rows, _) = try readCSV("name,city\nJosé,Zürich\n\"日本, 東京\",😀\n")
        XCTAssertEqual(rows, [[.string("José"), .string("Zürich")], [.string("日本, 東京"), .string("😀")]])
    }

    func testSkipLinesAndEmptyLinesAsRows() throws {
        let (schema, rows, _) = try readCSV("# exported\n# by tool\na\n1\n\n2\n", CSVReadOptions().with(\.skipLines, 2))
        XCTAssertEqual(schema.names, ["a"])
        XCTAssertEqual(rows, [[.int(1)], [.int(2)]])
        let keepEmpty = CSVReadOptions().with(\.skipEmptyLines, false)
        let (_, rows2, _) = try readCSV("a\n1\n\n2\n", keepEmpty)
        XCTAssertEqual(rows2, [[.int(1)], [.null], [.int(2)]])
    }

    func testEmptyInputs() throws {
        let (schema, rows, _) = try readCSV("")
        XCTAssertEqual(schema.count, 0)
        XCTAssertEqual(rows.count, 0)
        let (schema2, rows2, _) = try readCSV("a,b\n")
        XCTAssertEqual(schema2.fields.map(\.type), [.string, .string])
        XCTAssertEqual(rows2.count, 0)
    }

    func testBatchesFromAFileReadInSmallChunks() throws {
        let dir = try temporaryDirectory(self)
        let path = dir.appendingPathComponent("rows.csv").path
        var text = "id,note\n"
        for i in 0..<10_000 {
            text += i % 7 == 0 ? "\(i),\"multi\nline \(i)\"\r\n" : "\(i),note \(i)\r\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let options = CSVReadOptions().with(\.batchSize, 1000).with(\.chunkSize, 4096).with(\.inferenceRows, 100)
        let reader = try CSVReader(path: path, options: options)
        let batches = try reader.readAll()
        XCTAssertEqual(batches.map(\.count), Array(repeating: 1000, count: 10))
        var expected = 0
        for batch in batches {
            for row in 0..<batch.count {
                XCTAssertEqual(batch.row(row)[0], .int(Int64(expected)))
                let note = expected % 7 == 0 ? "multi\nline \(expected)" : "note \(expected)"
                XCTAssertEqual(batch.row(row)[1], .string(note))
                expected += 1
            }
        }
        XCTAssertEqual(expected, 10_000)
    }

    func testMissingFileThrowsIOError() {
        XCTAssertThrowsError(try CSVReader(path: "/nonexistent/x.csv")) { error in
            XCTAssertEqual((error as? FormatError)?.kind, .io)
            XCTAssertEqual((error as? FormatError)?.file, "/nonexistent/x.csv")
        }
    }

    func testInvalidOptionsThrow() {
        XCTAssertThrowsError(try CSVReader(bytes: [], options: CSVReadOptions().with(\.delimiter, "é")))
        XCTAssertThrowsError(try CSVReader(bytes: [], options: CSVReadOptions().with(\.quote, ",")))
        XCTAssertThrowsError(try CSVReader(bytes: [], options: CSVReadOptions().with(\.dateFormat, "%Q")))
        XCTAssertThrowsError(try CSVReader(bytes: [], options: CSVReadOptions().with(\.batchSize, 0)))
        XCTAssertThrowsError(try CSVReader(bytes: Array("a\n".utf8),
                                           options: CSVReadOptions().with(\.schema, Schema([Field("a", .list(Field("element", .int64)))]))))
    }
}
