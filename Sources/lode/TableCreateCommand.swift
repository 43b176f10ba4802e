import ArgumentParser
import LodeDelta
import LodeFormats

struct TableCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an empty Delta table.",
        discussion: """
        Example: lode table create lake/silver/orders --schema "id BIGINT NOT NULL, day DATE, amount DECIMAL(10,2)" \
        --partition-by day --property delta.appendOnly=true --description "Orders, one row per order"
        """
    )

    @Argument(help: "The table's folder.") var path: String
    @Option(help: "The columns, as SQL column definitions.") var schema: String
    @Option(help: "Partition columns, comma-separated.") var partitionBy: String?
    @Option(help: "A table property key=value (repeatable), e.g. delta.checkpointInterval=10.") var property: [String] = []
    @Option(help: "The table's description.") var description: String?
    @Option(help: "The table's name.") var name: String?

    func run() throws {
        let table = DeltaTable(path: path)
        let snapshot = try CreateTableOperation(table: table)
            .withSchema(try parseSchema(schema))
            .withPartitionColumns(parseColumnList(partitionBy) ?? [])
            .withProperties(try parseProperties(property))
            .withDescription(description)
            .withName(name)
            .execute()
        print("created \(path) at version \(snapshot.version)")
    }
}
