import LodeCore
import LodeParquet
import LodeStorage

/// Reads the actions of a classic or multi-part Parquet checkpoint
/// (PROTOCOL.md §Checkpoints) into a ``LogReplay``.
///
/// Only the top-level columns replay needs are decoded: `protocol`, `metaData`,
/// `add`, `remove`, `txn` and `domainMetadata`. Inside `add`, `stats` is read as the
/// JSON string and Spark's `stats_parsed`/`partitionValues_parsed` are ignored.
enum CheckpointReader {
    static let columns = ["protocol", "metaData", "add", "remove", "txn", "domainMetadata"]

    static func read(_ files: [ObjectMeta], version: Int64, store: any ObjectStore, paths: DeltaLogPaths,
                     into replay: inout LogReplay) throws {
        for file in files {
            do {
                let reader = try ParquetReader(input: StoreParquetInput(store: store, path: file.path, size: file.size),
                                               name: file.path)
                let selected = columns.compactMap { name in reader.schema.fields.firstIndex { $0.name == name } }
                let rows = reader.metadata.numRows
                // Rows come from the footer: trust them only as far as the file's size allows.
                if rows > 0 { replay.reserveFiles(min(Int(clamping: rows), file.size / 16)) }
                for group in 0..<reader.rowGroupCount {
                    let batch = try reader.readRowGroup(group, columns: selected)
                    try apply(batch, into: &replay)
                }
            } catch let error as DeltaError {
                throw DeltaError(.corruptLog, "checkpoint \(file.path): \(error.message)", table: paths.displayName, version: version)
            } catch {
                throw DeltaError(.corruptLog, "checkpoint \(file.path): \(error)", table: paths.displayName, version: version)
            }
        }
    }

    /// Applies one batch of checkpoint rows. Protocol and metadata rows go first so
    /// a reader never sees files before the table's description.
    static func apply(_ batch: RecordBatch, into replay: inout LogReplay) throws {
        if let p = CheckpointStruct(batch.column(named: "protocol")) {
            let reader = p.ints("minReaderVersion"), writer = p.ints("minWriterVersion")
            let readerFeatures = p.lists("readerFeatures"), writerFeatures = p.lists("writerFeatures")
            for row in 0..<batch.count where p.isValid(row) {
                guard let r = reader(row), let w = writer(row) else {
                    throw DeltaError(.corruptLog, "protocol row \(row) lacks its versions")
                }
                replay.apply(.protocol(ProtocolAction(minReaderVersion: Int(r), minWriterVersion: Int(w),
                                                      readerFeatures: readerFeatures(row), writerFeatures: writerFeatures(row))))
            }
        }
        if let m = CheckpointStruct(batch.column(named: "metaData")) {
            for row in 0..<batch.count where m.isValid(row) { replay.apply(.metadata(try metadata(m, row))) }
        }
        if let a = CheckpointStruct(batch.column(named: "add")) { try applyAdds(a, rows: batch.count, into: &replay) }
        if let r = CheckpointStruct(batch.column(named: "remove")) {
            let path = r.strings("path"), deletionTimestamp = r.ints("deletionTimestamp"), dataChange = r.bools("dataChange")
            let extended = r.bools("extendedFileMetadata"), partitionValues = r.maps("partitionValues"), size = r.ints("size")
            let deletionVector = r.structure("deletionVector")
            for row in 0..<batch.count where r.isValid(row) {
                guard let p = path(row) else { throw DeltaError(.corruptLog, "remove row \(row) has no path") }
                var remove = RemoveFile(path: p, deletionTimestamp: deletionTimestamp(row), dataChange: dataChange(row) ?? false,
                                        extendedFileMetadata: extended(row), partitionValues: partitionValues(row), size: size(row))
                remove.hasDeletionVector = deletionVector?.isValid(row) ?? false
                replay.apply(.remove(remove))
            }
        }
        if let t = CheckpointStruct(batch.column(named: "txn")) {
            let appId = t.strings("appId"), version = t.ints("version"), lastUpdated = t.ints("lastUpdated")
            for row in 0..<batch.count where t.isValid(row) {
                guard let id = appId(row), let v = version(row) else { throw DeltaError(.corruptLog, "txn row \(row) is incomplete") }
                replay.apply(.txn(SetTransaction(appId: id, version: v, lastUpdated: lastUpdated(row))))
            }
        }
        if let d = CheckpointStruct(batch.column(named: "domainMetadata")) {
            let domain = d.strings("domain"), configuration = d.strings("configuration"), removed = d.bools("removed")
            for row in 0..<batch.count where d.isValid(row) {
                guard let name = domain(row) else { throw DeltaError(.corruptLog, "domainMetadata row \(row) has no domain") }
                replay.apply(.domainMetadata(DomainMetadata(domain: name, configuration: configuration(row) ?? "",
                                                            removed: removed(row) ?? false)))
            }
        }
    }

    private static func applyAdds(_ a: CheckpointStruct, rows: Int, into replay: inout LogReplay) throws {
        let path = a.strings("path"), partitionValues = a.maps("partitionValues"), size = a.ints("size")
        let modificationTime = a.ints("modificationTime"), dataChange = a.bools("dataChange"), stats = a.strings("stats")
        let tags = a.maps("tags"), deletionVector = a.structure("deletionVector")
        let baseRowId = a.ints("baseRowId"), defaultRowCommitVersion = a.ints("defaultRowCommitVersion")
        let clusteringProvider = a.strings("clusteringProvider")
        let hasTags = tags.list != nil
        for row in 0..<rows where a.isValid(row) {
            guard let p = path(row), let s = size(row) else {
                throw DeltaError(.corruptLog, "add row \(row) lacks its path or size")
            }
            var add = AddFile(path: p, partitionValues: partitionValues(row) ?? [:], size: s,
                              modificationTime: modificationTime(row) ?? 0, dataChange: dataChange(row) ?? false,
                              stats: stats(row), tags: hasTags ? tags(row).map { $0.compactMapValues { $0 } } : nil)
            if let deletionVector, deletionVector.isValid(row) { add.hasDeletionVector = true }
            add.baseRowId = baseRowId(row)
            add.defaultRowCommitVersion = defaultRowCommitVersion(row)
            add.clusteringProvider = clusteringProvider(row)
            replay.apply(add)
        }
    }

    private static func metadata(_ m: CheckpointStruct, _ row: Int) throws -> MetadataAction {
        guard let id = m.strings("id")(row), let schema = m.strings("schemaString")(row) else {
            throw DeltaError(.corruptLog, "metaData row \(row) lacks its id or schemaString")
        }
        var metadata = MetadataAction(id: id, name: m.strings("name")(row), description: m.strings("description")(row),
                                      schemaString: schema, partitionColumns: m.lists("partitionColumns")(row) ?? [],
                                      configuration: m.maps("configuration")(row)?.compactMapValues { $0 } ?? [:],
                                      createdTime: m.ints("createdTime")(row))
        if let format = m.structure("format") {
            metadata.formatProvider = format.strings("provider")(row) ?? "parquet"
            metadata.formatOptions = format.maps("options")(row)?.compactMapValues { $0 } ?? [:]
        }
        return metadata
    }
}
