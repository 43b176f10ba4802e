import XCTest
@testable import LodePipeline

final class ProjectConfigTests: XCTestCase {
    func parse(_ text: String, environment: [String: String] = [:]) throws -> ProjectConfig {
        try ProjectConfig.parse(text, file: "/p/lode.yml", root: "/p", environment: environment)
    }

    func assertError(_ text: String, contains expected: String, line: Int? = nil, file: StaticString = #filePath, line testLine: UInt = #line) {
        XCTAssertThrowsError(try parse(text), file: file, line: testLine) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains(expected), "\(message)", file: file, line: testLine)
            if let line { XCTAssertEqual((error as? PipelineError)?.line, line, message, file: file, line: testLine) }
            XCTAssertTrue(message.hasPrefix("/p/lode.yml"), message, file: file, line: testLine)
        }
    }

    func testReadsSourcesWithContractsAndDefaults() throws {
        let config = try parse("""
        name: shop
        lake: data/lake
        threads: 2
        memory_limit: 2GB
        sources:
          crm_contacts:
            format: csv
            path: sources/crm/*.csv
            delimiter: ";"
            contract:
              columns:
                contact_id: {type: BIGINT, nullable: false}
                email: VARCHAR
              extra_columns: fail
          events:
            format: ndjson
            path: sources/events/*.ndjson
            table: bronze.web_events
        """)
        XCTAssertEqual(config.name, "shop")
        XCTAssertEqual(config.lakeRoot, "/p/data/lake")
        XCTAssertEqual(config.threads, 2)
        XCTAssertEqual(config.memoryLimit, 2_000_000_000)
        XCTAssertEqual(config.sources.map(\.name), ["crm_contacts", "events"])
        XCTAssertEqual(config.sources[0].table, "bronze.crm_contacts")
        XCTAssertEqual(config.sources[0].delimiter, ";")
        XCTAssertEqual(config.sources[0].contract, SchemaContract(columns: [
            .init(name: "contact_id", type: "BIGINT", nullable: false), .init(name: "email", type: "VARCHAR"),
        ], extraColumns: .fail))
        XCTAssertEqual(config.sources[1].table, "bronze.web_events")
    }

    func testUnknownKeysNameLineAndSuggestTheNearestKey() {
        assertError("name: x\nsources:\n  crm:\n    formt: csv\n    path: a.csv\n", contains: "unknown key 'formt' in 'sources.crm'; did you mean 'format'?", line: 4)
        assertError("name: x\nthreds: 2\n", contains: "did you mean 'threads'?", line: 2)
        assertError("name: x\nsources:\n  crm:\n    format: cvs\n    path: a.csv\n", contains: "did you mean 'csv'?", line: 4)
        assertError("lake: x\n", contains: "missing required key 'name'")
        assertError("name: x\nsources:\n  crm:\n    format: csv\n", contains: "needs a 'path'")
        assertError("name: x\nmemory_limit: lots\n", contains: "size like 4GB")
        assertError("name: [x\n", contains: "invalid YAML")
    }

    func testSecretsComeFromTheEnvironmentOrAFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "secret-lake\n".write(toFile: dir + "/lake.txt", atomically: true, encoding: .utf8)
        let fromFile = try ProjectConfig.parse("name: x\nlake: ${file:lake.txt}\n", file: dir + "/lode.yml", root: dir, environment: [:])
        XCTAssertEqual(fromFile.lakeRoot, dir + "/secret-lake")
        let fromEnv = try parse("name: x\nlake: /data/${env:LAKE_NAME}\n", environment: ["LAKE_NAME": "prod"])
        XCTAssertEqual(fromEnv.lakeRoot, "/data/prod")
        assertError("name: x\nlake: ${env:NOPE_NOT_SET}\n", contains: "environment variable NOPE_NOT_SET is not set", line: 2)
        assertError("name: x\nlake: ${vault:x}\n", contains: "unknown reference kind 'vault'")
    }
}
