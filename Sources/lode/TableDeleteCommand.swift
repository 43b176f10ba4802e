import ArgumentParser
import LodeDelta

struct TableDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete the rows of the partitions a predicate selects.",
        discussion: "Only partition predicates are supported, e.g. --where \"day < '2024-01-01' AND region = 'eu'\"."
    )

    @Argument(help: "The table's folder.") var path: String
    @Option(name: .customLong("where"), help: "Partition predicate of the rows to delete.") var predicate: String?
    @Flag(help: "Delete every row (instead of --where).") var all = false

    func validate() throws {
        guard (predicate == nil) != !all else {
            throw ValidationError(all ? "--all and --where exclude each other" : "give --where PREDICATE, or --all to delete every row")
        }
    }

    func run() throws {
        let result = try DeleteOperation(table: DeltaTable(path: path)).withPredicate(predicate).execute()
        guard let version = result.version else {
            print("no partition of \(path) matches; nothing deleted")
            return
        }
        let rows = result.deletedRows.map { "\($0) rows" } ?? "the rows"
        print("deleted \(rows) in \(result.removedFiles) files from \(path) at version \(version)")
    }
}
