import ArgumentParser
import LodeDelta

struct TableVacuumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vacuum",
        abstract: "Delete data files no longer needed by versions within the retention period.",
        discussion: """
        Removes files deleted from the table longer ago than the retention period and files no \
        commit references (left by failed writers). The retention defaults to \
        delta.deletedFileRetentionDuration (7 days); shorter needs --force.
        """
    )

    @Argument(help: "The table's folder.") var path: String
    @Option(help: "Keep files younger than this many hours.") var retainHours: Double?
    @Flag(help: "List the files that would be deleted, delete nothing.") var dryRun = false
    @Flag(help: "Accept a retention below the table's safe minimum.") var force = false

    func run() throws {
        let result = try VacuumOperation(table: DeltaTable(path: path))
            .withRetentionHours(retainHours).withEnforceRetention(!force).withDryRun(dryRun).execute()
        if dryRun {
            for file in result.files { print(file) }
            printError("\(result.files.count) files (\(formatBytes(result.bytes))) would be deleted from \(path)")
        } else {
            print("deleted \(result.files.count) files (\(formatBytes(result.bytes))) from \(path)")
        }
    }
}
