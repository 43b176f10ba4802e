import ArgumentParser
import Foundation
import LodePipeline

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write the demo company's raw data and load it into the lake.",
        discussion: """
        Generates a deterministic, deliberately dirty e-commerce data set — CRM contacts and \
        companies, a product catalog, orders and order items in several currencies, web events, \
        FX rates and marketing spend — and loads every source file into Parquet in the lake's \
        bronze layer, setting malformed rows aside in a quarantine folder.
        """
    )

    @Option(help: "Data volume: 1 is about 5,000 orders and 50,000 web events.") var scale = 1.0
    @Option(help: "Folder to write into (default: a new temporary folder).") var dir: String?
    @Option(help: "Random seed; the same seed gives the same data.") var seed: UInt64 = 42

    func run() throws {
        guard scale > 0 else { throw ValidationError("--scale must be positive") }
        let directory = dir ?? FileManager.default.temporaryDirectory.appendingPathComponent("lode-demo-\(UUID().uuidString.prefix(8))").path
        let started = Date()
        print("Writing demo sources (scale \(scale)) and loading them into \(directory)/lake …")
        let load = DemoLoad(directory: directory, generator: DemoGenerator(scale: scale, seed: seed))
        let tables = try load.run()
        print("")
        print(table(tables))
        print("")
        print(String(format: "Loaded %d rows from %d files into %d bronze tables in %.1fs.",
                     tables.map(\.rows).reduce(0, +), tables.map(\.files).reduce(0, +), tables.count,
                     Date().timeIntervalSince(started)))
        let bad = tables.map(\.badRows).reduce(0, +)
        if bad > 0 { print("\(bad) malformed rows were set aside in \(load.quarantineDirectory).") }
        print("""

        Try next:
          lode inspect \(load.bronzeDirectory)/orders/orders_2026-01-01.parquet
          lode convert \(load.bronzeDirectory)/contacts/contacts.parquet contacts.csv
        """)
    }

    private func table(_ loads: [DemoTableLoad]) -> String {
        let header = ["table", "files", "rows", "bad rows", "parquet bytes", "seconds"]
        let rows = loads.map { [$0.table, String($0.files), String($0.rows), String($0.badRows), String($0.bytes),
                                String(format: "%.2f", $0.seconds)] }
        let widths = header.indices.map { i in ([header[i]] + rows.map { $0[i] }).map(\.count).max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                i == 0 ? c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                       : String(repeating: " ", count: widths[i] - c.count) + c
            }.joined(separator: "  ")
        }
        return ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")] + rows.map(line))
            .joined(separator: "\n")
    }
}
