import Foundation
import LodeCore
@testable import LodeFormats
import XCTest

/// Files that are one JSON array of objects, read by ``NDJSONReader``.
final class JSONArrayReaderTests: XCTestCase {
    /// The shape `lode demo` writes for `catalog/products.json`: `[`, one compact object
    /// per line indented by two spaces with a trailing comma, `]`.
    let products = """
    [
      {"product_id":"P00001","sku":"ACM-48213","name":"Acme Laptop Pro","category":"electronics","subcategory":"laptop","brand":"Acme","list_price_usd":1299.00,"active":true,"attributes":{"color":"black","size":null},"tags":["new","sale"],"launched_on":"2022-03-14"},
      {"product_id":"P00002","sku":"NOR-10457","name":"Nordic Mug Go","category":"HOME","subcategory":"kitchen","brand":"Nordic","list_price_usd":12.5,"active":false,"attributes":{"color":"red","size":"M"},"tags":[],"launched_on":"2021-11-02"},
      {"product_id":"P00003","sku":"ZEN-99001","name":"Zenith Lamp One","category":"home","subcategory":"lighting","brand":"Zenith","list_price_usd":45.99,"active":true,"attributes":{"color":"white","size":null},"tags":["eco"],"launched_on":"2023-06-30"}
    ]

    """

    func testDemoProductsShape() throws {
        let (schema, rows, _) = try readNDJSON(products)
        XCTAssertEqual(schema, Schema([
            Field("product_id", .string), Field("sku", .string), Field("name", .string), Field("category", .string),
            Field("subcategory", .string), Field("brand", .string), Field("list_price_usd", .float64),
            Field("active", .boolean), Field("attributes", .struct([Field("color", .string), Field("size", .string)])),
            Field("tags", .list(Field("element", .string))), Field("launched_on", .string),
        ]))
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[0], [.string("P00001"), .string("ACM-48213"), .string("Acme Laptop Pro"), .string("electronics"),
                                 .string("laptop"), .string("Acme"), .double(1299), .boolean(true),
                                 .struct([.string("black"), .null]), .list([.string("new"), .string("sale")]),
                                 .string("2022-03-14")])
        XCTAssertEqual(rows[1][8], .struct([.string("red"), .string("M")]))
        XCTAssertEqual(rows[1][9], .list([]))
        XCTAssertEqual(rows[2][6], .double(45.99))
    }

    func testSingleLineAndPrettyPrintedAgree() throws {
        let single = #"[{"a": 1, "b": "x"},{"a": 2, "b": null} , {"b": "z"}]"#
        let pretty = """
        [
            {
                "a": 1,
                "b": "x"
            },
            {
                "a": 2,
                "b": null
            }
            ,
            {"b":
                "z"}
        ]
        """
        let expected: [[Value]] = [[.int(1), .string("x")], [.int(2), .null], [.null, .string("z")]]
        XCTAssertEqual(try readNDJSON(single).rows, expected)
        XCTAssertEqual(try readNDJSON(pretty).rows, expected)
        XCTAssertEqual(try readNDJSON(pretty, NDJSONReadOptions().with(\.format, .array)).rows, expected)
    }

    func testNestedValuesAndStructuralCharactersInStrings() throws {
        let text = #"""
        [{"s": "[{,}]", "o": {"l": [[1, 2], []], "t": {"u": "]}"}}, "q": "say \"hi\", [ok]"},
         {"s": "\\", "o": {"l": [[3]], "t": {"u": "{\"x\": ["}}, "q": "back\\\"slash\\"},
         {"s": "\u005b\u007d", "o": null, "q": ","}]
        """#
        let (schema, rows, _) = try readNDJSON(text)
        XCTAssertEqual(schema.fields.map(\.type), [
            .string,
            .struct([Field("l", .list(Field("element", .list(Field("element", .int64))))),
                     Field("t", .struct([Field("u", .string)]))]),
            .string,
        ])
        XCTAssertEqual(rows, [
            [.string("[{,}]"), .struct([.list([.list([.int(1), .int(2)]), .list([])]), .struct([.string("]}")])]),
             .string("say \"hi\", [ok]")],
            [.string("\\"), .struct([.list([.list([.int(3)])]), .struct([.string("{\"x\": [")])]),
             .string("back\\\"slash\\")],
            [.string("[}"), .null, .string(",")],
        ])
    }

    func testCRLFAndByteOrderMark() throws {
        let text = "\u{FEFF}\r\n  [\r\n  {\"a\": 1,\r\n   \"b\": [1,\r\n 2]},\r\n  {\"a\": \"x\"}\r\n]\r\n"
        let options = NDJSONReadOptions().with(\.schema, try parseSchema("a INT, b LIST<INT>")).with(\.onBadRow, .collect)
        let (_, rows, reader) = try readNDJSON(text, options)
        XCTAssertEqual(rows, [[.int(1), .list([.int(1), .int(2)])]])
        XCTAssertEqual(reader.badRows.map(\.line), [6])
        XCTAssertEqual(reader.badRows.first?.text, "{\"a\": \"x\"}")
        XCTAssertEqual(try readNDJSON(text).rows, [[.string("1"), .list([.int(1), .int(2)])], [.string("x"), .null]])
    }

    func testEmptyArraysAndBlankFilesHaveNoRows() throws {
        for text in ["[]", " [ \n\n ] \n", "", "   \n\t\r\n", "\u{FEFF}", "\u{FEFF}[]"] {
            for format in [JSONFormat.auto, .array] {
                let (schema, rows, reader) = try readNDJSON(text, NDJSONReadOptions().with(\.format, format))
                XCTAssertEqual(rows.count, 0, "\(format) \(text.debugDescription)")
                XCTAssertEqual(schema.fields.count, 0)
                XCTAssertEqual(reader.badRows.count, 0)
            }
        }
    }

    /// Elements that are bad: lines 3 (not an object), 4-5 (value does not fit), 6
    /// (invalid JSON), 8 (a string), 9 (a number), 10 (nested value does not fit), 11 (null).
    let badElements = """
    [
      {"id": 1, "p": {"x": 1}},
      [1, 2],
      {"id": "two",
       "p": {"x": 2}},
      {"id": 3 "p": {}},
      {"id": 4, "p": {"x": 4, "extra": ["]", "}"]}},
      "text",
      -1.5e3,
      {"id": 5, "p": {"x": "five"}},
      null,
      {"id": 6, "p": null}
    ]
    """

    func testBadElementsCollectedWithStartLines() throws {
        let options = NDJSONReadOptions().with(\.schema, try parseSchema("id INT, p STRUCT<x INT>")).with(\.onBadRow, .collect)
        let (_, rows, reader) = try readNDJSON(badElements, options)
        XCTAssertEqual(rows, [[.int(1), .struct([.int(1)])], [.int(4), .struct([.int(4)])], [.int(6), .null]])
        XCTAssertEqual(reader.badRows.map(\.line), [3, 4, 6, 8, 9, 10, 11])
        XCTAssertEqual(reader.badRows.map(\.column), [nil, "id", nil, nil, nil, "p.x", nil])
        XCTAssertEqual(reader.badRows.map(\.text), [
            "[1, 2]", "{\"id\": \"two\",\n   \"p\": {\"x\": 2}}", "{\"id\": 3 \"p\": {}}", "\"text\"", "-1.5e3",
            "{\"id\": 5, \"p\": {\"x\": \"five\"}}", "null",
        ])
        XCTAssertEqual(reader.badRows[0].reason, "expected a JSON object at character 1, found '['")
        XCTAssertEqual(reader.badRows[1].reason, "'two' is not a valid INT")
    }

    func testBadElementsSkippedOrFailing() throws {
        let options = NDJSONReadOptions().with(\.schema, try parseSchema("id INT, p STRUCT<x INT>"))
        let (_, rows, reader) = try readNDJSON(badElements, options.with(\.onBadRow, .skip))
        XCTAssertEqual(rows.map { $0[0] }, [.int(1), .int(4), .int(6)])
        XCTAssertEqual(reader.badRows, [])
        XCTAssertThrowsError(try readNDJSON(badElements, options)) { error in
            guard let error = error as? FormatError else { return XCTFail("\(error)") }
            XCTAssertEqual(error.kind, .badRow)
            XCTAssertEqual(error.line, 3)
            XCTAssertEqual(error.badRow?.text, "[1, 2]")
        }
        XCTAssertThrowsError(try readNDJSON(badElements, options.with(\.onBadRow, .skip).with(\.maxBadRows, 2))) { error in
            XCTAssertEqual((error as? FormatError)?.kind, .tooManyBadRows)
            XCTAssertEqual((error as? FormatError)?.line, 6)
        }
    }

    func testInferenceSkipsBadElements() throws {
        let (schema, rows, reader) = try readNDJSON(badElements, NDJSONReadOptions().with(\.onBadRow, .collect))
        XCTAssertEqual(schema, Schema([Field("id", .string),
                                       Field("p", .struct([Field("x", .string), Field("extra", .list(Field("element", .string)))]))]))
        XCTAssertEqual(rows.count, 5)
        XCTAssertEqual(rows[1], [.string("two"), .struct([.string("2"), .null])])
        XCTAssertEqual(rows[3], [.string("5"), .struct([.string("five"), .null])])
        XCTAssertEqual(reader.badRows.map(\.line), [3, 6, 8, 9, 11])
    }

    func testMalformedArraysNameFileAndLine() throws {
        let cases: [(text: String, line: Int, message: String)] = [
            ("[\n{\"a\": 1},\n{\"a\": 2}\n", 4, "the array is not closed: the file ends before its ']'"),
            ("[\n{\"a\": 1},\n{\"a\": 2\n\n", 3, "the array is not closed: the file ends inside the element that starts on this line"),
            ("[{\"a\": \"x}, {\"a\": 2}]\n", 1, "the array is not closed: the file ends inside the element that starts on this line"),
            ("[\n{\"a\": 1}\n{\"a\": 2}\n]", 3, "expected ',' or ']' after an element, found '{'"),
            ("[{\"a\": 1}, {\"a\": 2}]\n\n{\"a\": 3}\n", 3, "text after the closing ']', found '{'"),
            ("[{\"a\": 1}] x", 1, "text after the closing ']', found 'x'"),
            ("[{\"a\": 1},\n]", 2, "expected an element after ',', found ']'"),
            ("[\n,{\"a\": 1}]", 2, "expected an element, found ','"),
            ("[{\"a\": 1},,{\"a\": 2}]", 1, "expected an element, found ','"),
            ("[", 1, "the array is not closed: the file ends before its ']'"),
            ("[{\"a\": 1}] ]", 1, "text after the closing ']', found ']'"),
        ]
        let dir = try temporaryDirectory(self)
        for (n, c) in cases.enumerated() {
            let path = dir.appendingPathComponent("case\(n).json").path
            try Data(c.text.utf8).write(to: URL(fileURLWithPath: path))
            for policy in [BadRowPolicy.fail, .collect] {
                let options = NDJSONReadOptions().with(\.onBadRow, policy)
                XCTAssertThrowsError(try NDJSONReader(path: path, options: options).readAll(), c.text) { error in
                    guard let error = error as? FormatError else { return XCTFail("\(error)") }
                    XCTAssertEqual(error.file, path)
                    XCTAssertEqual(error.line, c.line, c.text)
                    XCTAssertEqual(error.message, "malformed JSON array: " + c.message, c.text)
                }
            }
        }
    }

    func testArrayFormatRequiresAnArray() throws {
        XCTAssertThrowsError(try readNDJSON("\n\n{\"a\": 1}\n", NDJSONReadOptions().with(\.format, .array))) { error in
            XCTAssertEqual((error as? FormatError)?.line, 3)
            XCTAssertEqual((error as? FormatError)?.message, "expected a JSON array starting with '[', found '{'")
        }
    }

    func testAutoKeepsNewlineDelimitedLinesAndNumbers() throws {
        let text = "\n  \n{\"a\": 1}\nnot json\n"
        let (_, rows, reader) = try readNDJSON(text, NDJSONReadOptions().with(\.onBadRow, .collect))
        XCTAssertEqual(rows, [[.int(1)]])
        XCTAssertEqual(reader.badRows.map(\.line), [4])
        let (_, asLines, linesReader) = try readNDJSON("[{\"a\": 1}]\n",
                                                       NDJSONReadOptions().with(\.format, .newlineDelimited).with(\.onBadRow, .collect))
        XCTAssertEqual(asLines.count, 0)
        XCTAssertEqual(linesReader.badRows.map(\.line), [1])
    }

    func testMismatchedBracketEndsOnlyItsElement() throws {
        let text = "[\n{\"a\": [1}, {\"a\": [2]},\n{\"a\": {\"b\": 1],\n{\"a\": [3]}\n]"
        let (_, rows, reader) = try readNDJSON(text, NDJSONReadOptions().with(\.onBadRow, .collect))
        XCTAssertEqual(rows, [[.list([.int(2)])], [.list([.int(3)])]])
        XCTAssertEqual(reader.badRows.map(\.line), [2, 3])
        XCTAssertEqual(reader.badRows.map(\.text), ["{\"a\": [1}", "{\"a\": {\"b\": 1]"])
    }

    func testOverlongElementIsABadRow() throws {
        let long = "{\"a\": \"" + String(repeating: "[x]", count: 5000) + "\"}"
        let dir = try temporaryDirectory(self)
        let path = dir.appendingPathComponent("long.json").path
        try Data("[\n{\"a\": \"x\"},\n\(long),\n{\"a\": \"y\"}\n]\n".utf8).write(to: URL(fileURLWithPath: path))
        let options = NDJSONReadOptions().with(\.maxRowBytes, 100).with(\.onBadRow, .collect).with(\.chunkSize, 4096)
        let reader = try NDJSONReader(path: path, options: options)
        let rows = try reader.readAll().flatMap { b in (0..<b.count).map { b.row($0) } }
        XCTAssertEqual(reader.schema, Schema([Field("a", .string)]))
        XCTAssertEqual(rows, [[.string("x")], [.string("y")]])
        XCTAssertEqual(reader.badRows.map(\.line), [3])
        XCTAssertEqual(reader.badRows.first?.raw, Array(long.utf8.prefix(100)))
        let (_, inMemory, memoryReader) = try readNDJSON("[{\"a\": \"x\"}, \(long)]", options)
        XCTAssertEqual(inMemory, [[.string("x")]])
        XCTAssertEqual(memoryReader.badRows.map(\.line), [1])
    }

    func testLargeArrayInSmallChunksMatchesNDJSON() throws {
        let dir = try temporaryDirectory(self)
        var lines: [String] = []
        for i in 0..<6000 {
            let nested = i % 7 == 0 ? "null" : "{\"k\": [\(i), \(-i)], \"s\": \"}],[{\\\"\(i)\"}"
            lines.append("{\"i\": \(i), \"s\": \"row \(i) [{,}]\", \"f\": \(Double(i) / 8), \"n\": \(nested)}")
        }
        let ndjson = dir.appendingPathComponent("rows.ndjson").path
        let array = dir.appendingPathComponent("rows.json").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: ndjson))
        let pretty = lines.enumerated().map { n, l in (n % 3 == 0 ? "\r\n  " : " ") + l.replacingOccurrences(of: ", \"f\"", with: ",\n\t\"f\"") }
        try Data(("[" + pretty.joined(separator: ",") + "\n]\n").utf8).write(to: URL(fileURLWithPath: array))
        let options = NDJSONReadOptions().with(\.batchSize, 1000).with(\.chunkSize, 4096).with(\.inferenceRows, 50)
        let fromLines = try NDJSONReader(path: ndjson, options: options)
        let fromArray = try NDJSONReader(path: array, options: options)
        XCTAssertEqual(fromArray.schema, fromLines.schema)
        let lineBatches = try fromLines.readAll()
        let arrayBatches = try fromArray.readAll()
        XCTAssertEqual(arrayBatches.map(\.count), [1000, 1000, 1000, 1000, 1000, 1000])
        XCTAssertEqual(arrayBatches.map(\.count), lineBatches.map(\.count))
        for (a, b) in zip(arrayBatches, lineBatches) {
            for row in 0..<a.count where a.row(row) != b.row(row) {
                return XCTFail("row \(row): \(a.row(row)) != \(b.row(row))")
            }
        }
        XCTAssertEqual(arrayBatches.last?.row(999)[0], .int(5999))
    }

    func testLineNumbersStayExactAcrossChunks() throws {
        /// `n` more lines of members whose strings hold brackets and escaped quotes.
        func padding(_ n: Int) -> String { (0..<n).map { ",\n \"pad\($0)\": \"[\\\"{\"" }.joined() }
        var text = "[\n"
        var line = 2
        var expectedBad: [Int] = []
        var expectedIDs: [Value] = []
        for i in 0..<3000 {
            let lines = i % 4 + 1
            let element: String
            if i % 250 == 7 {
                element = "{\"id\": \"bad \(i)\"" + padding(lines - 1) + "}"
                expectedBad.append(line)
            } else {
                element = "{\"id\": \(i)" + padding(lines - 1) + "}"
                expectedIDs.append(.int(Int64(i)))
            }
            text += (i == 0 ? "" : ",\r\n") + element
            line += lines
        }
        text += "\n]\n"
        let dir = try temporaryDirectory(self)
        let path = dir.appendingPathComponent("lines.json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let options = NDJSONReadOptions().with(\.schema, try parseSchema("id BIGINT, pad2 VARCHAR")).with(\.onBadRow, .collect)
            .with(\.chunkSize, 4096).with(\.batchSize, 77)
        let reader = try NDJSONReader(path: path, options: options)
        let ids = try reader.readAll().flatMap { b in (0..<b.count).map { b.row($0)[0] } }
        XCTAssertEqual(ids.count, expectedIDs.count)
        XCTAssertTrue(ids == expectedIDs)
        XCTAssertEqual(reader.badRows.map(\.line), expectedBad)
        let starts = Array(text.utf8).split(separator: ASCII.lf, omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.starts(with: "{\"id\": \"bad".utf8) }.map { $0.offset + 1 }
        XCTAssertEqual(starts, expectedBad)
    }

    func testRandomBytesAfterABracketNeverCrashOrHang() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("{}[]\":,\\ab1.-e \n\r\tnul".utf8)
        let seed = Array(#"[{"a": 1, "b": ["x", {"c": "]"}]}, {"a": 2}]"#.utf8)
        for round in 0..<3000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                bytes = seed
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = alphabet.randomElement(using: &generator)!
                }
            } else {
                bytes = [UInt8(ascii: "[")] + (0..<Int.random(in: 0...80, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator)!
                }
            }
            for schema in [nil, try parseSchema("a INT, b LIST<VARCHAR>")] {
                let options = NDJSONReadOptions().with(\.schema, schema).with(\.onBadRow, .collect).with(\.batchSize, 1)
                    .with(\.maxRowBytes, 20)
                guard let reader = try? NDJSONReader(bytes: bytes, options: options) else { continue }
                _ = try? reader.readAll()
            }
        }
    }
}
