import Foundation
import LodeCore
@testable import LodeFormats
import XCTest

/// Files written by pyarrow (`Tests/Fixtures/formats/make_fixtures.py`): Lode must read
/// them and write the same canonical NDJSON that the script computes independently.
final class PyArrowFixtureTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/formats")

    func fixture(_ name: String) -> String { PyArrowFixtureTests.fixtures.appendingPathComponent(name).path }

    func schema(_ name: String) throws -> Schema {
        try parseSchema(String(decoding: try Data(contentsOf: URL(fileURLWithPath: fixture(name + ".schema"))), as: UTF8.self))
    }

    func canonical(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: fixture(name + ".ndjson"))), as: UTF8.self)
    }

    func ndjson(_ batches: [RecordBatch], _ schema: Schema) throws -> String {
        String(decoding: try NDJSONWriter.encode(batches, schema: schema), as: UTF8.self)
    }

    func testPyArrowCSVReadsToTheCanonicalNDJSON() throws {
        let schema = try schema("types")
        let batches = try CSVReader(path: fixture("types.csv"), options: CSVReadOptions().with(\.schema, schema)).readAll()
        XCTAssertEqual(try ndjson(batches, schema), try canonical("types"))
    }

    func testPyArrowCSVInference() throws {
        let reader = try CSVReader(path: fixture("types.csv"))
        XCTAssertEqual(reader.schema.fields.map(\.type), [
            .boolean, .int64, .int64, .int64, .int64, .float64, .float64, .float64, .string, .string, .date,
            .timestampNTZ, .timestampNTZ, .timestampNTZ, .timestampUTC,
        ])
        XCTAssertEqual(try reader.readAll().reduce(0) { $0 + $1.count }, 4)
    }

    func testCanonicalNDJSONRoundTripsByteForByte() throws {
        for name in ["types", "nested"] {
            let schema = try schema(name)
            let reader = try NDJSONReader(path: fixture(name + ".ndjson"), options: NDJSONReadOptions().with(\.schema, schema))
            XCTAssertEqual(try ndjson(try reader.readAll(), schema), try canonical(name), name)
        }
    }

    func testCSVWriterRoundTripOfThePyArrowTable() throws {
        let schema = try schema("types")
        let batches = try CSVReader(path: fixture("types.csv"), options: CSVReadOptions().with(\.schema, schema)).readAll()
        let path = try temporaryDirectory(self).appendingPathComponent("types.csv").path
        let writer = try CSVWriter(path: path, schema: schema)
        for batch in batches { try writer.write(batch) }
        try writer.close()
        let back = try CSVReader(path: path, options: CSVReadOptions().with(\.schema, schema)).readAll()
        XCTAssertEqual(try ndjson(back, schema), try canonical("types"))
    }
}
