import ArgumentParser
import LodeDelta
import LodeEngine
import LodeFormats
import LodeParquet

struct TableWriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write",
        abstract: "Write a CSV, NDJSON or Parquet file into a Delta table (created if missing).",
        discussion: """
        --mode append adds the rows; --mode overwrite replaces the table's rows, or with \
        --replace-where only those of the partitions the predicate selects, e.g. \
        --replace-where "day = '2024-01-31'". With --app-id and --app-version the write is \
        idempotent: a version not above the one the table holds for that application is skipped.
        """
    )

    @Argument(help: "The table's folder.") var path: String
    @Argument(help: "The file to read (.csv, .tsv, .ndjson, .jsonl, .json, .parquet).") var file: String
    @Option(help: "append or overwrite.") var mode = "append"
    @Option(help: "Partition columns of a table the write creates, comma-separated.") var partitionBy: String?
    @Option(help: "Partition predicate of the rows to replace (implies --mode overwrite).") var replaceWhere: String?
    @Flag(help: "Add columns the table lacks instead of failing.") var mergeSchema = false
    @Option(help: "Input format: csv, ndjson or parquet (default: from the extension).") var format: String?
    @Option(help: "Schema of a text input, as SQL column definitions (default: inferred).") var schema: String?
    @Option(help: "Application id for an idempotent write (with --app-version).") var appId: String?
    @Option(help: "Batch version of the application for an idempotent write.") var appVersion: Int64?
    @Option(help: "Bytes per data file (default: delta.targetFileSize or 100 MiB).") var targetFileSize: Int?
    @Option(help: "Parquet compression: none, snappy, gzip or zstd.") var compression = "snappy"
    @Option(help: "A table property key=value of a table the write creates (repeatable).") var property: [String] = []
    @Option(help: "The description of a table the write creates.") var description: String?

    func validate() throws {
        guard mode == "append" || mode == "overwrite" else {
            throw ValidationError("unknown --mode '\(mode)'; expected append or overwrite")
        }
        guard (appId == nil) == (appVersion == nil) else {
            throw ValidationError("--app-id and --app-version go together")
        }
        if let targetFileSize, targetFileSize <= 0 { throw ValidationError("--target-file-size must be positive") }
    }

    func run() throws {
        var read = TableFileReadOptions()
        read.schema = try schema.map(parseSchema)
        let reader = try openTableFile(file, format: try format.map { try FileFormat(name: $0) }, options: read)
        guard let codec = CompressionCodec(name: compression) else {
            throw ValidationError("unknown compression '\(compression)'; expected none, snappy, gzip or zstd")
        }
        var parquet = ParquetWriteOptions()
        parquet.compression = codec
        var operation = WriteOperation(table: DeltaTable(path: path))
            .withMode(mode == "overwrite" ? .overwrite : .append)
            .withReplaceWhere(replaceWhere)
            .withPartitionColumns(parseColumnList(partitionBy))
            .withMergeSchema(mergeSchema)
            .withTargetFileSize(targetFileSize)
            .withParquetOptions(parquet)
            .withProperties(try parseProperties(property))
            .withDescription(description)
        if let appId, let appVersion { operation = operation.withAppTransaction(appId: appId, version: appVersion) }
        let result = try operation.execute(schema: reader.schema) { try reader.next() }
        if result.skipped, let appId, let appVersion {
            print("skipped: \(path) already holds version \(appVersion) of application '\(appId)'")
            return
        }
        var message = "wrote \(result.rows) rows in \(result.addedFiles) files to \(path) at version \(result.version ?? -1)"
        if result.removedFiles > 0 { message += ", removing \(result.removedFiles) files" }
        print(message)
    }
}
