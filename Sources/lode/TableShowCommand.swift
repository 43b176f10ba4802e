import ArgumentParser
import LodeCore
import LodeDelta

struct TableShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a table's rows, at the latest version or an earlier one."
    )

    @Argument(help: "The table's folder.") var path: String
    @Option(help: "Show this version.") var version: Int64?
    @Option(help: "Show the version current at this time (e.g. 2024-01-31T12:00:00Z).") var asOf: String?
    @Option(help: "Print at most this many rows.") var limit = 20

    func validate() throws {
        if version != nil && asOf != nil { throw ValidationError("--version and --as-of exclude each other") }
        guard limit >= 0 else { throw ValidationError("--limit must be zero or more") }
    }

    func run() throws {
        let table = DeltaTable(path: path)
        let snapshot: Snapshot
        if let version {
            snapshot = try table.snapshot(version: version)
        } else if let asOf {
            guard let micros = Temporal.parseTimestamp(Substring(asOf), unit: .microsecond) else {
                throw ValidationError("--as-of '\(asOf)' is not a timestamp like 2024-01-31T12:00:00Z")
            }
            snapshot = try table.snapshot(asOf: micros / 1000)
        } else {
            snapshot = try table.snapshot()
        }
        var scan = try snapshot.scan()
        var rows: [[String]] = []
        var read = 0
        var exhausted = false
        while rows.count < limit || limit == 0 {
            guard let batch = try scan.next() else { exhausted = true; break }
            read += batch.count
            for i in 0..<batch.count where rows.count < limit {
                rows.append(batch.columns.map { $0.value(at: i).description })
            }
            if limit == 0 { break }
        }
        let numeric = Set(snapshot.schema.fields.indices.filter { snapshot.schema.fields[$0].type.isNumeric })
        print(alignedTable(header: snapshot.schema.names, rows: rows, rightAligned: numeric))
        // The total comes from the files' statistics when the scan stopped early.
        let counts = snapshot.files.map { file in
            file.stats.flatMap { try? FileStatistics(json: $0, schema: snapshot.schema).numRecords } ?? nil
        }
        let total: Int64? = exhausted ? Int64(read) : counts.contains(nil) ? nil : counts.reduce(0) { $0 + ($1 ?? 0) }
        let shown = total.map { Int64(rows.count) < $0 ? "\(rows.count) of \($0) rows" : "\($0) rows" } ?? "\(rows.count) rows"
        printError("\(shown) at version \(snapshot.version)")
    }
}
