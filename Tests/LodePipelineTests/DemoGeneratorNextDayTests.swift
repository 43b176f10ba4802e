import Foundation
import XCTest
@testable import LodePipeline

final class DemoGeneratorNextDayTests: XCTestCase {
    private func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lode-demo-day-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    private func lines(_ path: String) throws -> [Substring] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    }

    /// The first CSV field (or JSON event id) of every data line of the files under `folder` matching `prefix`.
    private func ids(in directory: String, folder: String, prefix: String, json: Bool = false) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory + "/" + folder).filter { $0.hasPrefix(prefix) }
        return try names.flatMap { name in
            try lines(directory + "/" + folder + "/" + name).dropFirst(json ? 0 : 1).map { line in
                json ? String(line.dropFirst(13).prefix(14)) : String(line.prefix { $0 != "," })
            }
        }
    }

    func testAnExtraDayWritesOnlyItsDailyFilesWithFreshIDs() throws {
        let dir = try temporaryDirectory()
        let generator = DemoGenerator(scale: 0.2, dayCount: 5)
        try generator.generate(into: dir)
        let before = try FileManager.default.subpathsOfDirectory(atPath: dir).filter { $0.contains(".") }
        let oldOrders = try ids(in: dir, folder: "orders", prefix: "orders_")
        let oldItems = try ids(in: dir, folder: "orders", prefix: "order_items_")
        let oldEvents = try ids(in: dir, folder: "events", prefix: "web_events_", json: true)

        let files = try generator.generateDay(5, into: dir)
        XCTAssertEqual(files.map { URL(fileURLWithPath: $0.path).lastPathComponent }.sorted(), [
            "ad_spend_2026-01-06.csv", "fx_rates_2026-01-06.json", "order_items_2026-01-06.csv", "orders_2026-01-06.csv",
            "web_events_2026-01-06.ndjson",
        ])
        let after = try FileManager.default.subpathsOfDirectory(atPath: dir).filter { $0.contains(".") }
        XCTAssertEqual(after.count, before.count + 5)

        let newOrders = try lines(dir + "/orders/orders_2026-01-06.csv").dropFirst().map { String($0.prefix { $0 != "," }) }
        XCTAssertEqual(newOrders.count, 1_000 / 5)
        XCTAssertTrue(Set(newOrders).isDisjoint(with: oldOrders))
        let newItems = try lines(dir + "/orders/order_items_2026-01-06.csv").dropFirst().map { String($0.prefix { $0 != "," }) }
        XCTAssertTrue(Set(newItems).isDisjoint(with: oldItems))
        XCTAssertEqual(Set(newItems).count, newItems.count)
        let events = try lines(dir + "/events/web_events_2026-01-06.ndjson")
        let newEvents = events.map { String($0.dropFirst(13).prefix(14)) }
        XCTAssertTrue(newEvents.allSatisfy { $0.hasPrefix("evt-") })
        XCTAssertTrue(Set(newEvents).isDisjoint(with: oldEvents))
        XCTAssertTrue(events.contains { $0.contains("\"event_type\":\"purchase\"") })
        XCTAssertTrue(events.contains { !$0.contains("\"event_ts\":\"2026-01-06") }, "late events from earlier days")

        let again = try temporaryDirectory()
        try generator.generateDay(5, into: again)
        for file in files {
            let relative = String(file.path.dropFirst(dir.count))
            XCTAssertEqual(FileManager.default.contents(atPath: file.path), FileManager.default.contents(atPath: again + relative),
                           relative)
        }
    }

    func testDaysTheGeneratorAlreadyWroteAreRefused() throws {
        let dir = try temporaryDirectory()
        XCTAssertThrowsError(try DemoGenerator(scale: 0.1, dayCount: 5).generateDay(4, into: dir))
    }
}
