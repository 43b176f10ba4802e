import ArgumentParser
import Foundation
import LodePipeline

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write the demo company's project and raw data into a fresh folder, and build it.",
        discussion: """
        Generates a deterministic, deliberately dirty e-commerce data set — CRM contacts and companies, a \
        product catalog, orders and order items in several currencies, web events, FX rates and marketing \
        spend — with a project that ingests it into bronze and models it into silver and gold tables, then \
        runs `lode build` on it. With --add-day, writes one more day of data into an existing demo folder \
        and builds again: only the new files are loaded.
        """
    )

    @Option(help: "Data volume: 1 is about 1,000 customers, 5,000 orders and 50,000 web events.") var scale = 1.0
    @Option(help: "Folder to write into (default: a new temporary folder).") var dir: String?
    @Option(help: "Random seed; the same seed gives the same data.") var seed: UInt64 = 42
    @Option(help: "Threads each query uses (default: every core).") var threads: Int?
    @Flag(name: .customLong("add-day"), help: "Add the next day of data to the demo in --dir and build it.") var addDay = false
    @Flag(name: .customLong("no-build"), help: "Only write the project and its sources.") var noBuild = false

    func validate() throws {
        guard scale > 0 else { throw ValidationError("--scale must be positive") }
        if addDay && dir == nil { throw ValidationError("--add-day needs --dir, the demo folder to add to") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let directory = dir ?? FileManager.default.temporaryDirectory.appendingPathComponent("lode-demo-\(UUID().uuidString.prefix(8))").path
        let folder = DemoFolder(directory: directory)
        if addDay {
            let added = try folder.addDay()
            print("Added \(added.day): \(added.files.count) files, \(added.files.map(\.rows).reduce(0, +)) rows under \(folder.sourcesDirectory)")
        } else {
            print("Writing the demo project (scale \(scale)) into \(directory) …")
            let files = try folder.create(DemoGenerator(scale: scale, seed: seed))
            print("Wrote \(files.count) source files, \(files.map(\.rows).reduce(0, +)) rows.")
        }
        guard !noBuild else {
            print("Build it with: lode build --project \(directory)")
            return
        }
        print("")
        let summary = try PipelineRun.execute(projectRoot: directory, command: .build, threads: threads)
        print("""

        Try next:
          lode sql --lake \(directory)/lake "SELECT * FROM gold.daily_revenue ORDER BY order_date DESC LIMIT 7"
          lode sql --lake \(directory)/lake "SELECT segment, count(*) FROM gold.dim_customers WHERE is_current GROUP BY ALL"
          lode lineage gold.fact_orders --column net_amount_usd --project \(directory)
          lode checks --project \(directory) --run \(summary.runID)
          lode demo --dir \(directory) --add-day        # a new day of data: only it is loaded
          lode build --project \(directory)             # nothing new: nothing is rebuilt
        """)
        if summary.status == "failed" { throw ExitCode(1) }
    }
}
