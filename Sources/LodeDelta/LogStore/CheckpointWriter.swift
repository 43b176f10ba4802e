import LodeCore
import LodeParquet
import LodeStorage

/// Writes a classic checkpoint `_delta_log/N.checkpoint.parquet` holding a table's
/// whole state at version `N` — protocol, metadata, application transactions,
/// live files and unexpired tombstones — and then points `_delta_log/_last_checkpoint`
/// at it.
///
/// The file goes in with a plain `put`: a checkpoint only summarizes commits that
/// already exist, so two writers producing the same one write equivalent files.
struct CheckpointWriter {
    let store: any ObjectStore
    let paths: DeltaLogPaths
    var parquet: ParquetWriteOptions = {
        var options = ParquetWriteOptions()
        options.compression = .snappy
        return options
    }()

    /// What a checkpoint holds.
    struct State {
        var version: Int64
        var `protocol`: ProtocolAction
        var metadata: MetadataAction
        var transactions: [SetTransaction]
        var files: [AddFile]
        /// Tombstones still inside the deleted-file retention period.
        var tombstones: [RemoveFile]
    }

    /// What `_last_checkpoint` records.
    struct Summary: Equatable {
        var version: Int64
        var size: Int
        var sizeInBytes: Int
        var numOfAddFiles: Int
    }

    @discardableResult
    func write(_ state: State) throws -> Summary {
        let rows = checkpointRows(state)
        let columns = try CheckpointSchema.schema.fields.enumerated().map { index, field in
            try makeArray(field.type, rows.map { $0[index] })
        }
        let batch = try RecordBatch(schema: CheckpointSchema.schema, columns: columns)
        let sink = ParquetMemorySink()
        let writer = try ParquetWriter(sink: sink, schema: CheckpointSchema.schema, options: parquet)
        try writer.write(batch)
        try writer.close()
        try store.put(paths.checkpoint(state.version), data: sink.bytes)
        let summary = Summary(version: state.version, size: rows.count, sizeInBytes: sink.bytes.count,
                              numOfAddFiles: state.files.count)
        let text = "{\"version\":\(summary.version),\"size\":\(summary.size),\"sizeInBytes\":\(summary.sizeInBytes),"
            + "\"numOfAddFiles\":\(summary.numOfAddFiles)}"
        try store.put(paths.lastCheckpoint, data: Array(text.utf8))
        return summary
    }

    /// One row per action, each a list of the six column values (all null but one).
    private func checkpointRows(_ state: State) -> [[Value]] {
        var rows: [[Value]] = []
        rows.reserveCapacity(3 + state.transactions.count + state.files.count + state.tombstones.count)
        func row(_ column: Int, _ value: Value) -> [Value] {
            var values = [Value](repeating: .null, count: 6)
            values[column] = value
            return values
        }
        rows.append(row(4, protocolValue(state.protocol)))
        rows.append(row(3, metadataValue(state.metadata)))
        for txn in state.transactions.sorted(by: { $0.appId < $1.appId }) {
            rows.append(row(0, .struct([.string(txn.appId), .int(txn.version), txn.lastUpdated.map(Value.int) ?? .null])))
        }
        for add in state.files { rows.append(row(1, addValue(add))) }
        for remove in state.tombstones { rows.append(row(2, removeValue(remove))) }
        return rows
    }

    private func protocolValue(_ p: ProtocolAction) -> Value {
        .struct([.int(Int64(p.minReaderVersion)), .int(Int64(p.minWriterVersion)),
                 p.readerFeatures.map(Self.list) ?? .null, p.writerFeatures.map(Self.list) ?? .null])
    }

    private func metadataValue(_ m: MetadataAction) -> Value {
        .struct([
            .string(m.id), m.name.map(Value.string) ?? .null, m.description.map(Value.string) ?? .null,
            .struct([.string(m.formatProvider), Self.map(m.formatOptions)]),
            .string(m.schemaString), Self.list(m.partitionColumns), Self.map(m.configuration),
            m.createdTime.map(Value.int) ?? .null,
        ])
    }

    private func addValue(_ a: AddFile) -> Value {
        .struct([
            .string(a.path), Self.optionalMap(a.partitionValues), .int(a.size), .int(a.modificationTime),
            .boolean(a.dataChange), a.stats.map(Value.string) ?? .null, a.tags.map(Self.map) ?? .null,
            .null, a.baseRowId.map(Value.int) ?? .null, a.defaultRowCommitVersion.map(Value.int) ?? .null,
            a.clusteringProvider.map(Value.string) ?? .null,
        ])
    }

    private func removeValue(_ r: RemoveFile) -> Value {
        .struct([
            .string(r.path), r.deletionTimestamp.map(Value.int) ?? .null, .boolean(r.dataChange),
            r.extendedFileMetadata.map(Value.boolean) ?? .null, r.partitionValues.map(Self.optionalMap) ?? .null,
            r.size.map(Value.int) ?? .null, .null, .null, .null,
        ])
    }

    private static func list(_ items: [String]) -> Value { .list(items.map(Value.string)) }

    private static func map(_ entries: [String: String]) -> Value {
        let sorted = entries.sorted { $0.key < $1.key }
        return .map(keys: sorted.map { .string($0.key) }, values: sorted.map { .string($0.value) })
    }

    private static func optionalMap(_ entries: [String: String?]) -> Value {
        let sorted = entries.sorted { $0.key < $1.key }
        return .map(keys: sorted.map { .string($0.key) }, values: sorted.map { $0.value.map(Value.string) ?? .null })
    }
}
