import Foundation
import LodeCore
import LodeFormats
import XCTest
@testable import LodeEngine

final class FileConversionTests: XCTestCase {
    private func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lode-engine-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    private func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func testCSVToParquetToNDJSONKeepsValues() throws {
        let dir = try folder()
        try write("id,name,amount,day\n1,Grüße,12.50,2024-01-31\n2,,-0.05,\n", to: dir + "/in.csv")
        var toParquet = FileConversion(input: dir + "/in.csv", output: dir + "/t.parquet")
        toParquet.read.schema = try parseSchema("id BIGINT, name VARCHAR, amount DECIMAL(10,2), day DATE")
        XCTAssertEqual(try toParquet.run().rows, 2)
        try FileConversion(input: dir + "/t.parquet", output: dir + "/out.ndjson").run()
        let text = try String(contentsOfFile: dir + "/out.ndjson", encoding: .utf8)
        XCTAssertEqual(text, """
        {"id":1,"name":"Grüße","amount":"12.50","day":"2024-01-31"}
        {"id":2,"name":null,"amount":"-0.05","day":null}

        """)
    }

    func testQuarantineKeepsBadRowsWithTheirLines() throws {
        let dir = try folder()
        try write("id,qty\n1,5\n2,many\n3,7\n4\n", to: dir + "/in.csv")
        var conversion = FileConversion(input: dir + "/in.csv", output: dir + "/out.parquet")
        conversion.read.schema = try parseSchema("id INT, qty INT")
        conversion.badRows = .quarantine(path: dir + "/bad.ndjson")
        let summary = try conversion.run()
        XCTAssertEqual(summary.rows, 2)
        XCTAssertEqual(summary.badRows, 2)
        let bad = try String(contentsOfFile: dir + "/bad.ndjson", encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(bad.count, 2)
        XCTAssertTrue(bad[0].contains("\"line\":3") && bad[0].contains("2,many"), String(bad[0]))
        XCTAssertTrue(bad[1].contains("\"line\":5"), String(bad[1]))
    }

    func testAFailedConversionLeavesNoOutput() throws {
        let dir = try folder()
        try write("id\n1\nx\n", to: dir + "/in.csv")
        var conversion = FileConversion(input: dir + "/in.csv", output: dir + "/out.parquet")
        conversion.read.schema = try parseSchema("id INT")
        XCTAssertThrowsError(try conversion.run()) { error in
            XCTAssertTrue("\(error)".contains("in.csv"), "\(error)")
            XCTAssertTrue("\(error)".contains("3"), "names the line: \(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["in.csv"])
    }

    func testFormatsComeFromExtensions() throws {
        XCTAssertEqual(try FileFormat(path: "a/b.JSONL"), .ndjson)
        XCTAssertEqual(try FileFormat(path: "x.tsv"), .csv)
        XCTAssertThrowsError(try FileFormat(path: "data.xlsx"))
        XCTAssertThrowsError(try FileFormat(path: "noextension"))
    }
}
