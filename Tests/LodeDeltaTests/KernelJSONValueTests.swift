import LodeCore
import XCTest

final class KernelJSONValueTests: XCTestCase {
    func testParsesEveryKindAndKeepsKeyOrder() throws {
        let value = try JSONValue.parse(#" {"b": [1, -2, 3.5, 1e3, true, false, null], "a": {"z": "x", "y": ""}} "#)
        XCTAssertEqual(value.objectValue?.keys, ["b", "a"])
        XCTAssertEqual(value["b"], [1, -2, .number("3.5"), .number("1e3"), true, false, nil])
        XCTAssertEqual(value["a"]?.objectValue?.keys, ["z", "y"])
        XCTAssertEqual(value["a"]?["z"]?.stringValue, "x")
        XCTAssertEqual(value.serialized(), #"{"b":[1,-2,3.5,1e3,true,false,null],"a":{"z":"x","y":""}}"#)
    }

    func testNumbers() throws {
        XCTAssertEqual(try JSONValue.parse("9223372036854775807"), .int(.max))
        XCTAssertEqual(try JSONValue.parse("-9223372036854775808"), .int(.min))
        XCTAssertEqual(try JSONValue.parse("9223372036854775808"), .number("9223372036854775808"))
        XCTAssertEqual(try JSONValue.parse("-0"), .int(0))
        XCTAssertEqual(try JSONValue.parse("12.50").numberText, "12.50")
        XCTAssertEqual(try JSONValue.parse("2.5E-3").doubleValue, 0.0025)
        XCTAssertEqual(try JSONValue.parse("1.0").int64Value, 1)
        XCTAssertNil(try JSONValue.parse("1.5").int64Value)
        XCTAssertEqual(JSONValue.double(2).serialized(), "2.0")
        XCTAssertEqual(JSONValue.double(.nan).serialized(), "null")
        XCTAssertEqual(JSONValue.double(0.1).serialized(), "0.1")
    }

    func testStringsAndEscapes() throws {
        let parsed = try JSONValue.parse(#""a\"b\\c\/d\n\t\r\b\f\u00e9\ud83d\ude00 é""#)
        XCTAssertEqual(parsed.stringValue, "a\"b\\c/d\n\t\r\u{8}\u{c}é😀 é")
        XCTAssertEqual(try JSONValue.parse(#""\ud800x""#).stringValue, "\u{FFFD}x")
        let text = JSONValue.string("q\"\\\n\u{1}é\u{10FFFF}").serialized()
        XCTAssertEqual(text, "\"q\\\"\\\\\\n\\u0001é\u{10FFFF}\"")
        XCTAssertEqual(try JSONValue.parse(text).stringValue, "q\"\\\n\u{1}é\u{10FFFF}")
    }

    func testErrorsNameTheByteOffset() {
        let cases: [(String, String)] = [
            (#"{"a":1,}"#, "byte 7"),
            (#"{"a" 1}"#, "byte 5"),
            ("[1,2", "byte 4"),
            ("01", "byte 0"),
            ("-", "byte 1"),
            ("1.", "byte 2"),
            ("tru", "byte 0"),
            (#""abc"#, "byte 0"),
            ("\"a\u{1}\"", "byte 2"),
            (#""\x""#, "byte 1"),
            ("[1] 2", "byte 4"),
            ("", "byte 0"),
        ]
        for (text, fragment) in cases {
            XCTAssertThrowsError(try JSONValue.parse(text), text) { error in
                XCTAssertTrue("\(error)".contains(fragment), "\(text): \(error)")
            }
        }
        XCTAssertThrowsError(try JSONValue.parse([0x22, 0xFF, 0x22])) { XCTAssertTrue("\($0)".contains("UTF-8")) }
    }

    func testDeepNestingIsRefused() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        XCTAssertThrowsError(try JSONValue.parse(deep)) { XCTAssertTrue("\($0)".contains("nesting")) }
        let fine = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        XCTAssertNoThrow(try JSONValue.parse(fine))
    }

    func testObjectEditing() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = 3
        object["c"] = "x"
        object["b"] = nil
        XCTAssertEqual(JSONValue.object(object).serialized(), #"{"a":3,"c":"x"}"#)
    }

    func testRandomValuesRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        func random(_ depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 3 ? 5 : 7), using: &generator) {
            case 0: return .null
            case 1: return .bool(Bool.random())
            case 2: return .int(Int64.random(in: .min ... .max))
            case 3: return .string(String((0..<Int.random(in: 0..<8)).map { _ in
                    Character(Unicode.Scalar([0x22, 0x5C, 0x0A, 0x41, 0xE9, 0x1F600, 0x01].randomElement()!)!) }))
            case 4: return .number("\(Int.random(in: -999...999)).\(Int.random(in: 0...99))")
            case 5: return .array((0..<Int.random(in: 0..<4)).map { _ in random(depth + 1) })
            default: return .object(JSONObject((0..<Int.random(in: 0..<4)).map { ("k\($0)", random(depth + 1)) }))
            }
        }
        for _ in 0..<500 {
            let value = random(0)
            XCTAssertEqual(try JSONValue.parse(value.serialized()), value)
        }
    }
}
