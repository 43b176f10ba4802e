import LodeCore
@testable import LodeFormats
import XCTest

/// Arbitrary bytes never crash or hang a reader: every row is either read or bad.
final class RobustnessTests: XCTestCase {
    func randomInput(_ generator: inout SystemRandomNumberGenerator, alphabet: [UInt8]) -> [UInt8] {
        (0..<Int.random(in: 0...300, using: &generator)).map { _ in
            Int.random(in: 0..<10, using: &generator) == 0 ? UInt8.random(in: 0...255, using: &generator)
                : alphabet.randomElement(using: &generator)!
        }
    }

    func testCSVReadersSurviveRandomBytes() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("a1,\"\n\r;.-e9 :TZ\\'\u{FEFF}é".utf8)
        let schemas: [Schema?] = [nil, try parseSchema("a INT, b DOUBLE, c DATE, d TIMESTAMP, e VARCHAR NOT NULL"),
                                  try parseSchema("a DECIMAL(5,2), b BLOB, c BOOLEAN")]
        for _ in 0..<1500 {
            let bytes = randomInput(&generator, alphabet: alphabet)
            for schema in schemas {
                let options = CSVReadOptions().with(\.schema, schema).with(\.onBadRow, .collect).with(\.batchSize, 3)
                    .with(\.escape, Bool.random(using: &generator) ? "\\" : nil)
                    .with(\.hasHeader, Bool.random(using: &generator))
                guard let reader = try? CSVReader(bytes: bytes, options: options) else { continue }
                _ = try? reader.readAll()
                _ = try? CSVReader(bytes: bytes, options: options.with(\.onBadRow, .fail)).readAll()
            }
        }
    }

    func testNDJSONReadersSurviveRandomBytes() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("{}[]\":,\\u0123456789.eE+-tnrfalsu \n\r\tD8é".utf8)
        let schemas: [Schema?] = [nil, try parseSchema("a INT NOT NULL, b LIST<STRUCT<x DOUBLE>>, c MAP<VARCHAR, DECIMAL(5,2)>"),
                                  Schema([Field("0", .string), Field("", .int32), Field("u", .binary), Field("t", .timestampUTC)])]
        let seeds = [#"{"a": 1, "b": [{"x": 1.5}], "c": {"k": "1.25"}}"#, #"{"0": "s", "u": "AAEC", "t": "2024-01-01T00:00:00Z"}"#]
        for round in 0..<1500 {
            var bytes = randomInput(&generator, alphabet: alphabet)
            if round % 2 == 0 {
                var seed = Array(seeds.randomElement(using: &generator)!.utf8)
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    seed[Int.random(in: 0..<seed.count, using: &generator)] = alphabet.randomElement(using: &generator)!
                }
                bytes = seed + [ASCII.lf] + bytes
            }
            for schema in schemas {
                let options = NDJSONReadOptions().with(\.schema, schema).with(\.onBadRow, .collect).with(\.batchSize, 2)
                guard let reader = try? NDJSONReader(bytes: bytes, options: options) else { continue }
                _ = try? reader.readAll()
            }
        }
    }

    func testSchemaParserSurvivesRandomText() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", " ", "INT", "STRUCT", "<", ">", "(", ")", ",", "\"", "[]", "MAP", "DECIMAL", "9", "NOT", "NULL", "\n", ":"]
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            _ = try? parseSchema(text)
        }
    }
}
