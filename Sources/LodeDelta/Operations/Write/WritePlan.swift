import LodeCore

/// The decisions a ``WriteOperation`` makes before writing data: the table schema and
/// partitioning, how input batches fit them, the protocol and metadata to commit
/// (for a new table or a merged schema), and the replace-where predicate.
struct WritePlan {
    var schema: Schema
    var partitionColumns: [String]
    var alignment: SchemaAlignment
    var configuration: [String: String]
    var newProtocol: ProtocolAction?
    var newMetadata: MetadataAction?
    var predicate: PartitionPredicate?
    let mode: WriteOperation.Mode

    init(operation: WriteOperation, snapshot: Snapshot?, input: Schema) throws {
        let name = operation.table.paths.displayName
        mode = operation.mode
        if let snapshot {
            try checkWritable(snapshot, operation: "an overwrite", removesData: operation.mode == .overwrite)
            if let asked = operation.partitionColumns, asked != snapshot.partitionColumns {
                throw DeltaError(.invalidArgument, "the table is partitioned by [\(snapshot.partitionColumns.joined(separator: ", "))] "
                                 + "but the write asks for [\(asked.joined(separator: ", "))]", table: name,
                                 version: snapshot.version)
            }
            partitionColumns = snapshot.partitionColumns
            configuration = snapshot.properties
            do {
                alignment = try SchemaAlignment(table: snapshot.schema, input: input, mergeSchema: operation.mergeSchema,
                                                tableName: name)
            } catch var error as DeltaError {
                error.version = snapshot.version
                throw error
            }
            schema = alignment.schema
            if alignment.addsColumns {
                var metadata = snapshot.metadata
                metadata.schemaString = try schema.deltaSchemaString()
                newMetadata = metadata
                newProtocol = RequiredProtocol.upgrade(snapshot.protocol, for: schema)
            }
        } else {
            var definition = TableDefinition(schema: SchemaAlignment.tableSchema(for: input))
            definition.partitionColumns = operation.partitionColumns ?? []
            definition.properties = operation.properties
            definition.name = operation.name
            definition.description = operation.description
            try definition.validate(table: name)
            let (p, m) = try definition.actions(createdTime: operation.clock.milliseconds(), table: name)
            newProtocol = p
            newMetadata = m
            schema = definition.schema
            partitionColumns = definition.partitionColumns
            configuration = definition.properties
            alignment = try SchemaAlignment(table: schema, input: input, mergeSchema: false, tableName: name)
        }
        if let text = operation.replaceWhere {
            let fields = partitionColumns.compactMap { column in schema.fields.first { $0.name == column } }
            do {
                predicate = try PartitionPredicate(text, partitionColumns: fields)
            } catch var error as DeltaError {
                error.table = name
                error.version = snapshot?.version
                throw error
            }
        }
    }

    /// The live files the write replaces: all for an overwrite, those in matching
    /// partitions for a replace-where, none for an append.
    func filesToRemove(_ snapshot: Snapshot?) -> [AddFile] {
        guard mode == .overwrite, let snapshot else { return [] }
        guard let predicate else { return snapshot.files }
        return snapshot.files.filter { predicate.matches($0.partitionValues) }
    }
}
