@testable import LodeFormats
import XCTest

/// Element boundaries found by ``JSONArrayFraming``, whole or fed a byte at a time.
final class JSONArrayFramingTests: XCTestCase {
    /// The element's length and line feeds when `text` starts with one, scanning
    /// `text` in pieces of `step` bytes.
    func frame(_ text: String, step: Int) -> (length: Int, newlines: Int)? {
        let bytes = Array(text.utf8)
        var framing = JSONArrayFraming()
        framing.reset()
        return bytes.withUnsafeBufferPointer { buffer -> (Int, Int)? in
            guard let base = buffer.baseAddress else { return nil }
            var from = 0
            while from < bytes.count {
                let to = min(from + step, bytes.count)
                if let end = framing.scan(base, from: from, to: to) { return (end, framing.newlines) }
                from = to
            }
            return nil
        }
    }

    func testBoundaries() {
        let cases: [(text: String, element: String?, newlines: Int)] = [
            (#"{"a": 1}, {"b": 2}]"#, #"{"a": 1}"#, 0),
            ("{\"s\": \"]}\\\\\", \"t\": \"\\\"}\"}\n]", "{\"s\": \"]}\\\\\", \"t\": \"\\\"}\"}", 0),
            ("{\n \"l\": [[1,\n 2], {}],\n \"o\": {\"p\": [\"[\"]}\n}\n,", "{\n \"l\": [[1,\n 2], {}],\n \"o\": {\"p\": [\"[\"]}\n}", 4),
            (#"[1, [2, {"x": "]"}]] , 3]"#, #"[1, [2, {"x": "]"}]]"#, 0),
            (#""a \" ] string", 2"#, #""a \" ] string""#, 0),
            ("-12.5e3,", "-12.5e3", 0),
            ("null\n]", "null", 0),
            ("true]", "true", 0),
            (#"junk{"a": 1}"#, "junk", 0),
            ("}]", "}", 0),
            (#"{"a": [1}, {"b": 2}]"#, #"{"a": [1}"#, 0),
            (#"{"a": {"b": 1], "c": 2}"#, #"{"a": {"b": 1]"#, 0),
            ("\"line\nfeed\", 1", "\"line\nfeed\"", 1),
            (#"{"a": "unterminated}, {"b": 1}]"#, nil, 0),
            (#"{"a": [1, 2]"#, nil, 0),
            ("123", nil, 0),
        ]
        for c in cases {
            for step in [1, 2, 3, 7, 1000] {
                let found = frame(c.text, step: step)
                if let element = c.element {
                    XCTAssertEqual(found?.length, element.utf8.count, "\(c.text) step \(step)")
                    XCTAssertEqual(found?.newlines, c.newlines, "\(c.text) step \(step)")
                } else {
                    XCTAssertNil(found, "\(c.text) step \(step)")
                }
            }
        }
    }

    func testNestingDeeperThanTrackedLevels() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        XCTAssertEqual(frame(deep + ",", step: 5)?.length, 200)
        let mixed = String(repeating: "{\"a\":", count: 70) + "1" + String(repeating: "}", count: 70)
        XCTAssertEqual(frame(mixed + "]", step: 9)?.length, mixed.utf8.count)
    }
}
