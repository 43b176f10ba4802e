import LodeCore
@testable import LodeFormats
import XCTest

final class ValueParserTests: XCTestCase {
    func parse<T>(_ text: String, _ f: (ByteSpan) -> T) -> T {
        Array(text.utf8).withUnsafeBufferPointer { f($0) }
    }

    func testIntegers() {
        XCTAssertEqual(parse("9223372036854775807", parseInt64), .max)
        XCTAssertEqual(parse("-9223372036854775808", parseInt64), .min)
        XCTAssertNil(parse("9223372036854775808", parseInt64))
        XCTAssertNil(parse("-9223372036854775809", parseInt64))
        XCTAssertEqual(parse("+0042", parseInt64), 42)
        for bad in ["", "-", "+", "1.0", "1e3", " 1", "0x10", "١"] { XCTAssertNil(parse(bad, parseInt64), bad) }
    }

    func testDoublesMatchTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        var texts = ["0", "-0", "1.", ".5", "1e308", "1.7976931348623157e308", "1.7976931348623159e308", "4.9e-324",
                     "2.4703282292062327e-324", "123456789012345678901234567890", "0.000000000000000000000000000001",
                     "9007199254740993", "1e22", "1e23", "8.98846567431158e307", "3.14159265358979323846264338327950288"]
        for _ in 0..<20_000 {
            let digits = (0..<Int.random(in: 1...25, using: &generator)).map { _ in String(Int.random(in: 0...9, using: &generator)) }.joined()
            let point = Int.random(in: 0...digits.count, using: &generator)
            var text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
            if Bool.random(using: &generator) { text += "e\(Int.random(in: -330...310, using: &generator))" }
            if text.first == "." && text.count == 1 { continue }
            texts.append(Bool.random(using: &generator) ? "-" + text : text)
        }
        for text in texts {
            XCTAssertEqual(parse(text, parseDouble)?.bitPattern, Double(text)?.bitPattern, text)
        }
        XCTAssertTrue(parse("NaN", parseDouble)!.isNaN)
        XCTAssertEqual(parse("-Infinity", parseDouble), -.infinity)
        XCTAssertEqual(parse("inf", parseDouble), .infinity)
        for bad in ["", ".", "e5", "1e", "1e+", "--1", "1.2.3", "0x1p3", "nanx", "1 "] { XCTAssertNil(parse(bad, parseDouble), bad) }
    }

    func testDecimals() {
        func d(_ text: String, _ p: Int, _ s: Int) -> Int128? { parse(text) { parseDecimal($0, precision: p, scale: s) } }
        XCTAssertEqual(d("-12.5", 5, 2), -1250)
        XCTAssertEqual(d("1.005", 5, 2), 101)
        XCTAssertEqual(d("-1.005", 5, 2), -101)
        XCTAssertEqual(d("1.004999", 5, 2), 100)
        XCTAssertEqual(d(".5", 3, 0), 1)
        XCTAssertEqual(d("1.5e3", 10, 2), 150_000)
        XCTAssertEqual(d("15E-4", 10, 3), 2)
        XCTAssertEqual(d("99999999999999999999999999999999999999", 38, 0), Int128("99999999999999999999999999999999999999"))
        XCTAssertNil(d("100000000000000000000000000000000000000", 38, 0))
        XCTAssertEqual(d("0.123456789012345678901234567890123456789", 38, 38),
                       Int128("12345678901234567890123456789012345679"))
        XCTAssertEqual(d("1234567890123456789012345678901234567.89", 38, 0), Int128("1234567890123456789012345678901234568"))
        XCTAssertEqual(d("0e99999999", 10, 2), 0)
        XCTAssertEqual(d("1e-99999999", 10, 2), 0)
        XCTAssertNil(d("1e99999999", 38, 2))
        XCTAssertNil(d("123.45", 4, 2))
        for bad in ["", "-", ".", "1e", "1.2.3", "abc", "1,5"] { XCTAssertNil(d(bad, 10, 2), bad) }
    }

    func testBooleans() {
        for t in ["true", "TRUE", "t", "Y", "yes", "1"] { XCTAssertEqual(parse(t, parseBoolean), true, t) }
        for f in ["false", "F", "n", "No", "0"] { XCTAssertEqual(parse(f, parseBoolean), false, f) }
        for bad in ["", "2", "tru", "\u{11}"] { XCTAssertNil(parse(bad, parseBoolean), bad) }
        XCTAssertNil(parse("1", parseStrictBoolean))
    }

    /// The byte-level ISO parsers agree with LodeCore's on the ISO grammar.
    func testISOTemporalAgreesWithTemporal() {
        var texts = ["2024-01-31", "2024-02-29", "2023-02-29", "2024-13-01", "0000-01-01",
                     "2024-01-31 12:00", "2024-01-31T12:00:00", "2024-01-31T23:59:59.999999999", "2024-01-31T24:00:00",
                     "2024-01-31T12:00:00Z", "2024-01-31T12:00:00+05:30", "2024-01-31T12:00:00-0130", "2024-01-31T12:00:00+05",
                     "2024-01-31T12:00:00.5z", "2024-01-31 12:00:60", "2024-1-31", "2024-01-31T",
                     "1969-12-31T23:59:59.5", "2262-04-11T23:47:16.854775807"]
        var generator = SystemRandomNumberGenerator()
        let templates = ["2024-01-31T12:34:56.123456+05:30", "1999-12-31 23:59:59Z", "2000-02-29", "1970-01-01T00:00:00.5-0800",
                         "2261-04-11T23:47:16.854775807", "1677-09-21 00:12:43.145224192", "0001-01-01T00:00"]
        let alphabet = Array("0123456789-:+ TZz.")
        for _ in 0..<20_000 {
            var chars = Array(templates.randomElement(using: &generator)!)
            for _ in 0..<Int.random(in: 0...2, using: &generator) {
                let at = Int.random(in: 0..<chars.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: chars[at] = alphabet.randomElement(using: &generator)!
                case 1: chars.insert(alphabet.randomElement(using: &generator)!, at: at)
                default: if chars.count > 1 { chars.remove(at: at) }
                }
            }
            texts.append(String(chars))
        }
        var agreed = 0
        for text in texts {
            let mineDate = parse(text, ISOTemporal.parseDate), theirDate = Temporal.parseDate(Substring(text))
            if mineDate != theirDate {
                XCTAssertTrue(mineDate == nil ? hasLenientZoneOrYear(text) : hasLongOrSignedYear(text), text)
            }
            for unit in TimeUnit.allCases {
                let mine = parse(text) { ISOTemporal.parseTimestamp($0, unit: unit)?.value }
                let theirs = Temporal.parseTimestamp(Substring(text), unit: unit)
                if mine != nil && theirs != nil {
                    agreed += 1
                    XCTAssertEqual(mine, theirs, text)
                } else if mine != nil {
                    // LodeCore also overflows on the earliest nanosecond instants.
                    XCTAssertTrue(hasLongOrSignedYear(text) || unit == .nanosecond && text.hasPrefix("1677-09-21"),
                                  "only accepted here: \(text)")
                } else if theirs != nil {
                    XCTAssertTrue(hasLenientZoneOrYear(text), "only accepted by LodeCore: \(text)")
                }
            }
        }
        XCTAssertGreaterThan(agreed, 1000)
        XCTAssertEqual(parse("-0001-01-01", ISOTemporal.parseDate), Int32(Temporal.days(year: -1, month: 1, day: 1)))
        XCTAssertEqual(parse("12345-01-01", ISOTemporal.parseDate), Int32(Temporal.days(year: 12345, month: 1, day: 1)))
        XCTAssertEqual(parse("2024-01-31T12:00:00+01:00") { ISOTemporal.parseTimestamp($0, unit: .millisecond) }?.hasZone, true)
        XCTAssertEqual(parse("2024-01-31T12:00:00") { ISOTemporal.parseTimestamp($0, unit: .millisecond) }?.hasZone, false)
        // LodeCore traps on these; the byte parsers answer nil.
        XCTAssertNil(parse("2262-04-11T23:47:16.854775808") { ISOTemporal.parseTimestamp($0, unit: .nanosecond) })
        XCTAssertNil(parse("999999999999999999-01-01", ISOTemporal.parseDate))
        XCTAssertNil(parse("2024-01-01T00:00:00+00:99999999999999999999") { ISOTemporal.parseTimestamp($0, unit: .nanosecond) })
    }

    /// `+YYYY…` or a year of five or more digits, which LodeCore's timestamps do not take.
    func hasLongOrSignedYear(_ text: String) -> Bool {
        text.hasPrefix("+") || text.hasPrefix("-") || text.prefix(while: \.isNumber).count > 4
    }

    /// LodeCore's lenient spellings, which read fields with `Int(_:)`: a sign inside a
    /// field (`12:-3`, `.+5`, `+001`), or a zone like `+05:3` or `-:0800`.
    func hasLenientZoneOrYear(_ text: String) -> Bool {
        if text.hasPrefix("+") { return true }
        for signed in [":+", ":-", ".+", ".-", "-+", "--", "T+", "T-", " +", " -"] where text.contains(signed) { return true }
        guard let sign = text.dropFirst(10).lastIndex(where: { $0 == "+" || $0 == "-" }) else { return false }
        let zone = text[text.index(after: sign)...]
        let digits = zone.filter(\.isNumber).count
        let strict = (zone.count == 2 || zone.count == 4) && digits == zone.count
            || zone.count == 5 && zone.dropFirst(2).first == ":" && digits == 4
        return !strict
    }

    func testDateTimeFormats() throws {
        func date(_ format: String, _ text: String) throws -> Int32? {
            let f = try DateTimeFormat(format)
            return parse(text) { f.parseDate($0) }
        }
        func stamp(_ format: String, _ text: String, _ unit: TimeUnit = .microsecond) throws -> Int64? {
            let f = try DateTimeFormat(format)
            return parse(text) { f.parseTimestamp($0, unit: unit) }
        }
        let jan31 = Int32(Temporal.days(year: 2024, month: 1, day: 31))
        XCTAssertEqual(try date("%d/%m/%Y", "31/01/2024"), jan31)
        XCTAssertEqual(try date("%m/%d/%y", "1/31/24"), jan31)
        XCTAssertEqual(try date("%d %b %Y", "31 jan 2024"), jan31)
        XCTAssertEqual(try date("%B %e, %Y", "January 31, 2024"), jan31)
        XCTAssertEqual(try date("%Y%m%d", "20240131"), jan31)
        XCTAssertEqual(try date("%Y-%j", "2024-031"), jan31)
        XCTAssertEqual(try date("%a, %d %b %Y", "Wed, 31 Jan 2024"), jan31)
        XCTAssertNil(try date("%d/%m/%Y", "31/02/2024"))
        XCTAssertNil(try date("%d/%m/%Y", "31/01/2024x"))
        let noon = Int64(jan31) * 86_400_000_000 + 12 * 3_600_000_000
        XCTAssertEqual(try stamp("%Y-%m-%d %H:%M:%S", "2024-01-31 12:00:00"), noon)
        XCTAssertEqual(try stamp("%Y-%m-%dT%H:%M:%S%z", "2024-01-31T14:00:00+0200"), noon)
        XCTAssertEqual(try stamp("%Y-%m-%dT%H:%M:%S%z", "2024-01-31T12:00:00Z"), noon)
        XCTAssertEqual(try stamp("%d/%m/%Y %I:%M %p", "31/01/2024 12:00 PM"), noon)
        XCTAssertEqual(try stamp("%d/%m/%Y %I:%M %p", "31/01/2024 12:00 am"), noon - 12 * 3_600_000_000)
        XCTAssertEqual(try stamp("%F %T.%f", "2024-01-31 12:00:00.5"), noon + 500_000)
        XCTAssertEqual(try stamp("%F %T.%f", "2024-01-31 12:00:00.123456789", .nanosecond), noon * 1000 + 123_456_789)
        XCTAssertEqual(try stamp("%F %T %Z", "2024-01-31 12:00:00 UTC"), noon)
        XCTAssertThrowsError(try DateTimeFormat("%Y-%Q"))
        XCTAssertThrowsError(try DateTimeFormat("%Y%"))
    }

    func testBase64AndHex() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            for encoding in [BinaryTextEncoding.base64, .hex] {
                var text: [UInt8] = []
                bytes.withUnsafeBufferPointer { appendBinaryText($0, encoding, to: &text) }
                var back: [UInt8] = []
                XCTAssertTrue(text.withUnsafeBufferPointer { appendDecodedBinary($0, encoding, to: &back) })
                XCTAssertEqual(back, bytes)
            }
        }
        var out: [UInt8] = []
        XCTAssertTrue(parse("3q2+7w") { appendDecodedBinary($0, .base64, to: &out) })
        XCTAssertEqual(out, [0xDE, 0xAD, 0xBE, 0xEF])
        for bad in ["a", "3q2+7w=", "3q2*7w==", "===="] {
            var sink: [UInt8] = []
            XCTAssertFalse(parse(bad) { appendDecodedBinary($0, .base64, to: &sink) }, bad)
            XCTAssertEqual(sink, [])
        }
    }

    func testUTF8Validation() {
        let valid: [[UInt8]] = [[], Array("ascii only, long enough for words".utf8), Array("é日😀".utf8), [0xF4, 0x8F, 0xBF, 0xBF]]
        let invalid: [[UInt8]] = [[0x80], [0xC0, 0x80], [0xC3], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
                                  [0xF5, 0x80, 0x80, 0x80], Array("12345678".utf8) + [0xFF]]
        for bytes in valid { XCTAssertTrue(bytes.withUnsafeBufferPointer(isValidUTF8), "\(bytes)") }
        for bytes in invalid { XCTAssertFalse(bytes.withUnsafeBufferPointer(isValidUTF8), "\(bytes)") }
    }
}

extension ValueParserTests {
    func testTimestampRangeEnds() throws {
        let ns = { (text: String) in self.parse(text) { ISOTemporal.parseTimestamp($0, unit: .nanosecond)?.value } }
        XCTAssertEqual(ns("1677-09-21T00:12:43.145224192"), .min)
        XCTAssertEqual(ns("1677-09-21T00:12:43.145224193"), .min + 1)
        XCTAssertNil(ns("1677-09-21T00:12:43.145224191"))
        XCTAssertEqual(ns("2262-04-11T23:47:16.854775807"), .max)
        XCTAssertNil(ns("2262-04-11T23:47:16.854775808"))
        let format = try DateTimeFormat("%Y-%m-%d %H:%M:%S.%f")
        XCTAssertEqual(parse("1677-09-21 00:12:43.145224192") { format.parseTimestamp($0, unit: .nanosecond) }, .min)
    }
}
