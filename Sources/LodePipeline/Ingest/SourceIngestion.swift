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
/// catalog right after. Files are parsed two at a time and committed in path order.
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
        var pending: [PendingFile] = []
        for path in try matchingFiles() {
            let relative = relativePath(path)
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
            let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            if let previous = known[relative], previous.size == size, previous.modifiedAt == modified {
                result.filesUnchanged += 1
                continue
            }
            pending.append(PendingFile(path: path, relative: relative, size: size, modified: modified))
        }
        // Files are parsed two at a time, then committed one by one in path order.
        var start = 0
        while start < pending.count {
            let group = Array(pending[start..<min(start + Self.parallelFiles, pending.count)])
            start += group.count
            let parsed = ConcurrentSlots<Swift.Result<ParsedFile, Error>>(count: group.count)
            DispatchQueue.concurrentPerform(iterations: group.count) { index in
                parsed[index] = Swift.Result { try parse(group[index].path, relative: group[index].relative) }
            }
            for (file, outcome) in zip(group, parsed.values) {
                progress?(file.relative)
                guard let outcome else { continue }
                let loaded = try commit(try outcome.get())
                result.rows += loaded.rows
                result.quarantinedRows += loaded.quarantined
                if loaded.rejected { result.quarantinedFiles.append(file.relative) } else { result.filesLoaded.append(file.relative) }
                try store.recordIngested([IngestedFile(source: source.name, path: file.relative, size: file.size,
                                                       modifiedAt: file.modified, runID: runID, rows: loaded.rows,
                                                       badRows: loaded.quarantined)])
            }
        }
        return result
    }

    /// Files parsed at the same time.
    static let parallelFiles = 2

    /// A new or changed file, not loaded yet.
    struct PendingFile {
        var path: String
        var relative: String
        var size: Int
        var modified: Double
    }

    /// A file's rows ready to commit: bronze batches and the entries for quarantine, or the
    /// reason the whole file is rejected.
    struct ParsedFile {
        var batches: [RecordBatch] = []
        var quarantine: [QuarantineColumns.Entry] = []
        var rows = 0
        var rejected = false
        var ingestedAt: Int64
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
    /// Reads and checks one file.
    private func parse(_ path: String, relative: String) throws -> ParsedFile {
        var parsed = ParsedFile(ingestedAt: Int64((clock().timeIntervalSince1970 * 1_000_000).rounded()))
        let plan: ReadPlan
        do { plan = try ReadPlan(source: source, path: path) } catch let rejection as FileRejection {
            parsed.quarantine.append(.init(file: relative, line: nil, column: nil, reason: rejection.reason, raw: nil))
            parsed.rejected = true
            return parsed
        }
        let reader = try openTableFile(path, format: plan.format, options: plan.options)
        while let batch = try readBatch(reader, file: relative) {
            for bad in reader.takeBadRows() {
                parsed.quarantine.append(.init(file: relative, line: bad.line, column: bad.column, reason: bad.reason, raw: bad.text))
            }
            let (kept, violations) = try plan.enforce(batch, file: relative)
            parsed.quarantine += violations
            guard kept.count > 0 else { continue }
            parsed.rows += kept.count
            parsed.batches.append(try BronzeColumns.append(to: kept, source: source.name, file: relative, runID: runID,
                                                           ingestedAt: parsed.ingestedAt))
        }
        for bad in reader.takeBadRows() {
            parsed.quarantine.append(.init(file: relative, line: bad.line, column: bad.column, reason: bad.reason, raw: bad.text))
        }
        return parsed
    }

    /// Commits a parsed file's rows to bronze and its bad rows to quarantine.
    private func commit(_ parsed: ParsedFile) throws -> (rows: Int, quarantined: Int, rejected: Bool) {
        if !parsed.batches.isEmpty {
            try WriteOperation(table: DeltaTable(path: tablePath))
                .withMode(.append)
                .withPartitionColumns(BronzeColumns.partitionColumns)
                .withMergeSchema(true)
                .withName(source.table)
                .execute(parsed.batches)
        }
        try writeQuarantine(parsed.quarantine, ingestedAt: parsed.ingestedAt)
        return (parsed.rows, parsed.rejected ? 0 : parsed.quarantine.count, parsed.rejected)
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
