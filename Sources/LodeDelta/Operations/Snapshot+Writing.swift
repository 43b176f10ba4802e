import LodeCore

extension Snapshot {
    /// The partition columns as fields of the schema, in partition order.
    var partitionFields: [Field] {
        partitionColumns.compactMap { name in schema.fields.first { $0.name == name } }
    }
}

extension AddFile {
    /// `numRecords` of the file's statistics, when it has them.
    var recordCount: Int64? {
        guard let stats, let json = try? JSONValue.parse(stats) else { return nil }
        return json["numRecords"]?.int64Value
    }
}

/// Throws unless Lode may write to the table, and (for operations that remove
/// data) unless the table is not append-only.
func checkWritable(_ snapshot: Snapshot, operation: String, removesData: Bool = true) throws {
    do {
        try snapshot.protocol.checkWriteSupported(metadata: snapshot.metadata)
    } catch var error as DeltaError {
        error.table = snapshot.paths.displayName
        error.version = snapshot.version
        throw error
    }
    if let column = columnWithInvariant(snapshot.schema.fields) {
        throw DeltaError(.unsupportedFeature, "column '\(column)' has an invariant (delta.invariants), which Lode "
                         + "cannot check; refusing to write", table: snapshot.paths.displayName, version: snapshot.version)
    }
    if removesData && TableProperties(snapshot.properties).appendOnly {
        throw DeltaError(.invalidArgument, "the table is append-only (delta.appendOnly=true): \(operation) is refused",
                         table: snapshot.paths.displayName, version: snapshot.version)
    }
}

/// The path of the first column carrying a `delta.invariants` expression.
func columnWithInvariant(_ fields: [Field], prefix: String = "") -> String? {
    for field in fields {
        if field.metadata["delta.invariants"] != nil { return prefix + field.name }
        if case .struct(let children) = field.type,
           let nested = columnWithInvariant(children, prefix: prefix + field.name + ".") {
            return nested
        }
    }
    return nil
}
