import Foundation
import XCTest
@testable import LodePipeline

final class DemoGeneratorTests: XCTestCase {
    private func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lode-demo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    func testSameSeedWritesIdenticalFiles() throws {
        let a = try temporaryDirectory(), b = try temporaryDirectory()
        let generator = DemoGenerator(scale: 0.1, dayCount: 5)
        let first = try generator.generate(into: a)
        let second = try generator.generate(into: b)
        XCTAssertEqual(first.map(\.rows), second.map(\.rows))
        for file in first {
            let relative = String(file.path.dropFirst(a.count))
            XCTAssertEqual(FileManager.default.contents(atPath: file.path), FileManager.default.contents(atPath: b + relative),
                           relative)
        }
    }

    func testScaleOneHasTheDocumentedVolumes() throws {
        let dir = try temporaryDirectory()
        let files = try DemoGenerator(scale: 1).generate(into: dir)
        func rows(_ fragment: String) -> Int { files.filter { $0.path.contains(fragment) }.map(\.rows).reduce(0, +) }
        XCTAssertEqual(rows("/orders/orders_"), 5_000)
        XCTAssertEqual(rows("/order_items_"), 10_000, accuracy: 800)
        XCTAssertEqual(rows("/crm/contacts"), 1_030, accuracy: 20)
        XCTAssertEqual(rows("/events/"), 50_000, accuracy: 2_500)
        XCTAssertEqual(files.filter { $0.path.contains("/fx/") }.count, 30)
    }

    func testSourcesAreDirtyAsDocumented() throws {
        let dir = try temporaryDirectory()
        try DemoGenerator(scale: 1, dayCount: 10).generate(into: dir)
        let contacts = try String(contentsOfFile: dir + "/crm/contacts.csv", encoding: .utf8)
        let lines = contacts.split(separator: "\n").dropFirst()
        let ids = lines.map { $0.prefix(7) }
        XCTAssertGreaterThan(ids.count - Set(ids).count, 5, "duplicate contacts")
        XCTAssertTrue(lines.contains { $0.contains(",,") }, "blank fields")
        XCTAssertTrue(lines.contains { $0.contains("n/a") || $0.contains("call me") || $0.contains("12345") }, "malformed phones")
        let events = try String(contentsOfFile: dir + "/events/web_events_\(Text.date(20_454 + 5)).ndjson", encoding: .utf8)
        let eventLines = events.split(separator: "\n")
        XCTAssertGreaterThan(eventLines.count - Set(eventLines).count, 0, "duplicated events")
        XCTAssertTrue(eventLines.contains { !$0.contains("\"event_ts\":\"2026-01-06") }, "late events from earlier days")
        XCTAssertTrue(events.contains("\"utm_source\":\""), "campaign fields")
    }
}
