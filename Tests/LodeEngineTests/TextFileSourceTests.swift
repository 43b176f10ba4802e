import Foundation
import LodeCore
import LodeFormats
import LodePlan
import XCTest
@testable import LodeEngine

final class TextFileSourceTests: XCTestCase {
    func testCSVWithInferredSchema() throws {
        let source = try TextFileSource(paths: [SourceTesting.fixture("text/people.csv")], format: .csv, options: .init())
        XCTAssertEqual(source.schema.names, ["id", "name", "born", "score"])
        XCTAssertEqual(source.schema.fields[2].type, .date)
        let rows = try SourceTesting.rows(source, SourceTesting.request([1, 3]))
        XCTAssertEqual(rows, [[.string("Ada"), .double(9.5)], [.string("Grace"), .null], [.string("Lin, Jr."), .double(7.25)]])
    }

    func testGlobMergesTheFilesSchemas() throws {
        let source = try TextFileSource(paths: [SourceTesting.fixture("text/people*.csv")], format: .csv, options: .init())
        XCTAssertEqual(source.files.count, 2)
        // people-2.csv alone says score is BIGINT, people.csv says DOUBLE.
        XCTAssertEqual(source.schema.fields[3].type, .float64)
        let ids = try SourceTesting.rows(source, SourceTesting.request([0], partitions: 2)).map { $0[0] }
        XCTAssertEqual(Set(ids), [.int(1), .int(2), .int(3), .int(4)])
        XCTAssertEqual(source.metrics.filesOpened, 2)
    }

    func testCSVOptions() throws {
        var options = TableFileReadOptions(schema: try parseSchema("n INT, code VARCHAR, v INT"))
        options.csv.delimiter = ";"
        options.csv.hasHeader = false
        options.csv.nullValues = ["NA"]
        let source = try TextFileSource(paths: [SourceTesting.fixture("text/semicolons.txt")], format: .csv, options: options)
        XCTAssertEqual(try SourceTesting.rows(source, SourceTesting.request([0, 2])), [[.int(10), .null], [.int(20), .int(3)]])
    }

    func testNDJSONAndJSONArrayReadAlike() throws {
        let lines = try TextFileSource(paths: [SourceTesting.fixture("text/events.ndjson")], format: .ndjson, options: .init())
        let array = try TextFileSource(paths: [SourceTesting.fixture("text/events-array.json")], format: .ndjson, options: .init())
        XCTAssertEqual(lines.schema, array.schema)
        XCTAssertEqual(lines.schema.names, ["id", "kind", "at"])
        let a = try SourceTesting.rows(lines, SourceTesting.request([0, 1, 2]))
        XCTAssertEqual(a.count, 3)
        XCTAssertEqual(a, try SourceTesting.rows(array, SourceTesting.request([0, 1, 2])))
        XCTAssertEqual(a[1][2], .null)
    }

    func testLimit() throws {
        let source = try TextFileSource(paths: [SourceTesting.fixture("text/people*.csv")], format: .csv, options: .init())
        XCTAssertEqual(try SourceTesting.rows(source, SourceTesting.request([0], limit: 1)).count, 1)
        XCTAssertEqual(source.metrics.filesOpened, 1)
        source.metrics.reset()
        XCTAssertEqual(try SourceTesting.rows(source, SourceTesting.request([0], limit: 3)).count, 3)
        XCTAssertEqual(source.metrics.filesOpened, 2)
    }

    func testErrorsNameTheFile() throws {
        XCTAssertThrowsError(try TextFileSource(paths: [SourceTesting.fixture("text/none.csv")], format: .csv, options: .init())) { error in
            XCTAssertTrue("\(error)".contains("none.csv"), "\(error)")
        }
        let dir = try SourceTesting.folder()
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        try Data("id,qty\n1,2\n2,many\n".utf8).write(to: URL(fileURLWithPath: dir + "/bad.csv"))
        let source = try TextFileSource(paths: [dir + "/bad.csv"], format: .csv,
                                        options: TableFileReadOptions(schema: try parseSchema("id INT, qty INT")))
        XCTAssertThrowsError(try SourceTesting.rows(source, SourceTesting.request([1]))) { error in
            XCTAssertTrue(error is EngineError, "\(type(of: error))")
            XCTAssertTrue("\(error)".contains("bad.csv"), "\(error)")
        }
    }
}
