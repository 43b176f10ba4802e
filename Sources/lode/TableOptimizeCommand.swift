import ArgumentParser
import LodeDelta
import LodeParquet

struct TableOptimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Compact a table's small files, partition by partition."
    )

    @Argument(help: "The table's folder.") var path: String
    @Option(help: "Target bytes per compacted file (default: delta.targetFileSize or 100 MiB).") var targetSize: Int?
    @Option(help: "Fewest small files of a partition worth compacting.") var minFiles = 2
    @Option(help: "Parquet compression of the new files: snappy or zstd.") var compression = "snappy"

    func validate() throws {
        if let targetSize, targetSize <= 0 { throw ValidationError("--target-size must be positive") }
        guard minFiles >= 2 else { throw ValidationError("--min-files must be at least 2") }
    }

    func run() throws {
        guard let codec = CompressionCodec(name: compression) else {
            throw ValidationError("unknown compression '\(compression)'; expected snappy, zstd, gzip or none")
        }
        let result = try OptimizeOperation(table: DeltaTable(path: path))
            .withTargetSize(targetSize).withMinFileCount(minFiles).withCompression(codec).execute()
        guard let version = result.version else {
            print("nothing to compact in \(path) (\(result.consideredFiles) files)")
            return
        }
        print("compacted \(result.filesRemoved) files into \(result.filesAdded) in \(result.partitionsOptimized) "
              + "partitions of \(path) at version \(version)")
    }
}
