import Foundation
import LodeCore
import LodeDelta
import LodeEngine
import LodeFormats

/// Loads a source's new and changed files into its bronze Delta table.
///
/// A file is new when the catalog has no record of its path, changed when its size or
/// modification time differ from the record. CSV and JSON columns not named by a contract
/// are kept as text, exactly as received; a contract types its columns, and rows that break
/// it (a value that does not parse, a null in a NOT NULL column) go to
/// `<table>__quarantine` with the reason, as do whole files that lack a contract column or
/// carry columns the contract forbids. Each file's rows land in one commit, recorded in the
/// catalog right after.
public struct SourceIngestion {
    public var source: SourceConfig
    public var projectRoot: String
    public var lakeRoot: String
    public var store: MetadataStore
    public var runID: String
    public var clock: @Sendable () -> Date = { Date() }

    public init(source: SourceConfig, projectRoot: String, lakeRoot: String, store: MetadataStore, runID: String) {
        self.source = source
        self.projectRoot = projectRoot
        self.lakeRoot = lakeRoot
        self.store = store
        self.runID = runID
    }

    /// What one ingestion did.
    public struct Result: Sendable, Equatable {
        public var filesLoaded: [String] = []
        public var filesUnchanged = 0
        public var rows = 0
        public var quarantinedRows = 0
        public var quarantinedFiles: [String] = []
    }

    public func run(progress: ((String) -> Void)? = nil) throws -> Result {
        var result = Result()
        let known = try store.ingestedFiles(source: source.name)
        for path in try matchingFiles() {
            let relative = relativePath(path)
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            if let previous = known[relative], previous.size == size, previous.modifiedAt == modified {
                result.filesUnchanged += 1
                continue
            }
            progress?(relative)
            let loaded = try ingest(path, relative: relative)
            result.rows += loaded.rows
            result.quarantinedRows += loaded.quarantined
            if loaded.rejected { result.quarantinedFiles.append(relative) } else { result.filesLoaded.append(relative) }
            try store.recordIngested([IngestedFile(source: source.name, path: relative, size: size, modifiedAt: modified,
                                                   runID: runID, rows: loaded.rows, badRows: loaded.quarantined)])
        }
        return result
    }

    /// The files the source's glob matches now, sorted; none yet is not an error, a path
    /// naming a folder is.
    func matchingFiles() throws -> [String] {
        let pattern = source.path.hasPrefix("/") ? source.path : (projectRoot as NSString).appendingPathComponent(source.path)
        do { return try FileGlob.expand(pattern) } catch let error as EngineError where error.kind == .io {
            return []
        } catch {
            throw PipelineError(.config, "source \(source.name): \(error)")
        }
    }

    func relativePath(_ path: String) -> String {
        let prefix = projectRoot.hasSuffix("/") ? projectRoot : projectRoot + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    var tablePath: String {
        let parts = source.table.split(separator: ".").map(String.init)
        return ([lakeRoot] + parts).joined(separator: "/")
    }

    /// Reads one file and appends its rows; returns the counts.
    private func ingest(_ path: String, relative: String) throws -> (rows: Int, quarantined: Int, rejected: Bool) {
        let now = clock()
        let ingestedAt = Int64((now.timeIntervalSince1970 * 1_000_000).rounded())
        var quarantine: [QuarantineColumns.Entry] = []
        let plan: ReadPlan
        do { plan = try ReadPlan(source: source, path: path) } catch let rejection as FileRejection {
            quarantine.append(.init(file: relative, line: nil, column: nil, reason: rejection.reason, raw: nil))
            try writeQuarantine(quarantine, ingestedAt: ingestedAt)
            return (0, 0, true)
        }
        let reader = try openTableFile(path, format: plan.format, options: plan.options)
        var batches: [RecordBatch] = []
        var rows = 0
        while let batch = try readBatch(reader, file: relative) {
            for bad in reader.takeBadRows() {
                quarantine.append(.init(file: relative, line: bad.line, column: bad.column, reason: bad.reason, raw: bad.text))
            }
            let (kept, violations) = try plan.enforce(batch, file: relative)
            quarantine += violations
            guard kept.count > 0 else { continue }
            rows += kept.count
            batches.append(try BronzeColumns.append(to: kept, source: source.name, file: relative, runID: runID, ingestedAt: ingestedAt))
        }
        for bad in reader.takeBadRows() {
            quarantine.append(.init(file: relative, line: bad.line, column: bad.column, reason: bad.reason, raw: bad.text))
        }
        if !batches.isEmpty {
            try WriteOperation(table: DeltaTable(path: tablePath))
                .withMode(.append)
                .withPartitionColumns(BronzeColumns.partitionColumns)
                .withMergeSchema(true)
                .withName(source.table)
                .execute(batches)
        }
        try writeQuarantine(quarantine, ingestedAt: ingestedAt)
        return (rows, quarantine.count, false)
    }

    private func readBatch(_ reader: any TableFileReader, file: String) throws -> RecordBatch? {
        do { return try reader.next() } catch let error as FormatError {
            throw PipelineError(.source, "source \(source.name): \(error)", file: file)
        }
    }

    private func writeQuarantine(_ entries: [QuarantineColumns.Entry], ingestedAt: Int64) throws {
        guard !entries.isEmpty else { return }
        try WriteOperation(table: DeltaTable(path: tablePath + "__quarantine"))
            .withMode(.append)
            .withName(source.table + "__quarantine")
            .execute([try QuarantineColumns.batch(entries, source: source.name, runID: runID, ingestedAt: ingestedAt)])
    }
}

/// A file the contract rejects as a whole.
struct FileRejection: Error {
    var reason: String
}
