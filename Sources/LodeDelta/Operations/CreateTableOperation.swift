import LodeCore

/// Creates an empty Delta table: version 0 holding its `protocol` and `metaData`.
///
/// ```swift
/// let table = DeltaTable(path: "/lake/silver/orders")
/// try CreateTableOperation(table: table)
///     .withSchema(schema)
///     .withPartitionColumns(["day"])
///     .withProperties(["delta.appendOnly": "true"])
///     .withDescription("Orders, one row per order line")
///     .execute()
/// ```
///
/// The protocol is `(1, 2)`, or `(3, 7)` with the `timestampNtz` feature when a
/// column is a timestamp without time zone. Creating a table where one exists fails,
/// also when another writer creates it at the same moment.
public struct CreateTableOperation: Sendable {
    public let table: DeltaTable
    private var definition = TableDefinition(schema: Schema([]))
    private var clock = DeltaClock.system

    public init(table: DeltaTable) { self.table = table }

    public func withSchema(_ schema: Schema) -> Self { var copy = self; copy.definition.schema = schema; return copy }
    public func withPartitionColumns(_ columns: [String]) -> Self {
        var copy = self; copy.definition.partitionColumns = columns; return copy
    }
    public func withProperties(_ properties: [String: String]) -> Self {
        var copy = self; copy.definition.properties = properties; return copy
    }
    public func withName(_ name: String?) -> Self { var copy = self; copy.definition.name = name; return copy }
    public func withDescription(_ description: String?) -> Self {
        var copy = self; copy.definition.description = description; return copy
    }
    public func withClock(_ clock: DeltaClock) -> Self { var copy = self; copy.clock = clock; return copy }

    /// Writes version 0 and returns the new table's snapshot.
    @discardableResult
    public func execute() throws -> Snapshot {
        let name = table.paths.displayName
        if try table.exists() {
            throw DeltaError(.invalidArgument, "a Delta table already exists here", table: name)
        }
        var definition = self.definition
        definition.schema = SchemaAlignment.tableSchema(for: definition.schema)
        try definition.validate(table: name)
        let now = clock.milliseconds()
        let (protocolAction, metadata) = try definition.actions(createdTime: now, table: name)
        var operation = TableOperation(name: "CREATE TABLE")
        operation.parameters = [
            "isManaged": "\"false\"",
            "description": definition.description.map(TableOperation.jsonString) ?? "null",
            "partitionBy": TableOperation.jsonListString(definition.partitionColumns),
            "properties": TableOperation.jsonString(JSONValue.object(JSONObject(
                definition.properties.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) })).serialized()),
        ]
        var transaction = Transaction(store: table.store, paths: table.paths, readVersion: nil,
                                      configuration: definition.properties, operation: operation)
        transaction.actions = [.protocol(protocolAction), .metadata(metadata)]
        transaction.clock = clock
        let outcome = try transaction.commit()
        return try table.snapshot(version: outcome.version)
    }
}
