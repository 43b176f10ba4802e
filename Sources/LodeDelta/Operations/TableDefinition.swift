import Foundation
import LodeCore

/// What a new table is made of: schema, partitioning, properties, name and
/// description, checked and turned into its first `protocol` and `metaData`.
struct TableDefinition {
    var schema: Schema
    var partitionColumns: [String] = []
    var properties: [String: String] = [:]
    var name: String?
    var description: String?

    /// Checks the definition; errors name the table and the offending column or property.
    func validate(table: String) throws {
        guard !schema.fields.isEmpty else {
            throw DeltaError(.invalidArgument, "a table needs at least one column", table: table)
        }
        var seen = Set<String>()
        for field in schema.fields {
            guard !field.name.isEmpty else { throw DeltaError(.invalidArgument, "a column has an empty name", table: table) }
            guard seen.insert(field.name.lowercased()).inserted else {
                throw DeltaError(.invalidArgument, "column '\(field.name)' appears twice (names are case-insensitive)",
                                 table: table)
            }
        }
        var partitions = Set<String>()
        for column in partitionColumns {
            guard let field = schema.fields.first(where: { $0.name == column }) else {
                throw DeltaError(.invalidArgument, "partition column '\(column)' is not a column of the schema ("
                                 + schema.names.joined(separator: ", ") + ")", table: table)
            }
            guard partitions.insert(column).inserted else {
                throw DeltaError(.invalidArgument, "partition column '\(column)' is listed twice", table: table)
            }
            if field.type.isNested {
                throw DeltaError(.invalidArgument, "partition column '\(column)' is \(field.type); partition columns must be of a primitive type",
                                 table: table)
            }
        }
        if partitions.count == schema.count {
            throw DeltaError(.invalidArgument, "every column is a partition column; a table needs at least one data column",
                             table: table)
        }
        try TableProperties(properties).validate(table: table)
    }

    /// The partition columns as fields of the schema, in partition order.
    var partitionFields: [Field] {
        partitionColumns.compactMap { name in schema.fields.first { $0.name == name } }
    }

    /// The first `protocol` and `metaData` of the table.
    func actions(createdTime: Int64, table: String) throws -> (ProtocolAction, MetadataAction) {
        let schemaString: String
        do {
            schemaString = try schema.deltaSchemaString()
        } catch var error as DeltaError {
            error.table = table
            throw error
        }
        let metadata = MetadataAction(id: UUID().uuidString.lowercased(), name: name, description: description,
                                      schemaString: schemaString, partitionColumns: partitionColumns,
                                      configuration: properties, createdTime: createdTime)
        return (RequiredProtocol.forSchema(schema), metadata)
    }
}
