import ArgumentParser
import Foundation
import LodeEngine
import LodeFormats
import LodeParquet

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a table between CSV, NDJSON and Parquet.",
        discussion: """
        Formats come from the file extensions (.csv, .tsv, .ndjson, .jsonl, .json, .parquet) \
        unless --from or --to name them. Text inputs get their schema inferred unless --schema \
        gives it, e.g. --schema "id BIGINT NOT NULL, amount DECIMAL(10,2), ts TIMESTAMP".
        The output appears only when the conversion succeeds.
        """
    )

    @Argument(help: "The file to read.") var input: String
    @Argument(help: "The file to write (replaced if it exists).") var output: String
    @Option(help: "Input format: csv, ndjson or parquet.") var from: String?
    @Option(help: "Output format: csv, ndjson or parquet.") var to: String?
    @Option(help: "Schema of a text input, as SQL column definitions.") var schema: String?
    @Option(help: "Parquet compression: none, snappy, gzip or zstd.") var compression = "snappy"
    @Option(help: "Parquet compression level (gzip 1-9, zstd 1-22).") var compressionLevel: Int?
    @Option(help: "Most rows in one Parquet row group.") var rowGroupSize: Int?
    @Option(help: "Target Parquet data page size in bytes.") var pageSize: Int?
    @Flag(help: "Write Parquet without dictionary encoding.") var noDictionary = false
    @Option(help: "CSV field delimiter (one character; \\t for tab).") var delimiter: String?
    @Flag(help: "The CSV input has no header row (columns are named column0, column1, …).") var noHeader = false
    @Option(help: "Text that means NULL in CSV input (repeatable; default: empty field).") var nullString: [String] = []
    @Option(help: "strftime-style format of dates in text input, e.g. %d/%m/%Y.") var dateFormat: String?
    @Option(help: "strftime-style format of timestamps in text input.") var timestampFormat: String?
    @Option(help: "What to do with rows that do not parse: fail, skip or quarantine.") var onBadRow = "fail"
    @Option(help: "With --on-bad-row quarantine: NDJSON file receiving the bad rows.") var badRows: String?

    func run() throws {
        var conversion = FileConversion(input: input, output: output)
        conversion.inputFormat = try from.map { try FileFormat(name: $0) }
        conversion.outputFormat = try to.map { try FileFormat(name: $0) }
        conversion.read.schema = try schema.map(parseSchema)
        conversion.read.csv = try csvReadOptions()
        conversion.read.ndjson.dateFormat = dateFormat
        conversion.read.ndjson.timestampFormat = timestampFormat
        conversion.write.parquet = try parquetOptions()
        if let delimiter { conversion.write.csv.delimiter = try character(delimiter) }
        conversion.badRows = try badRowHandling()
        let summary = try conversion.run()
        var message = "wrote \(summary.rows) rows to \(output)"
        if summary.badRows > 0, let badRows { message += "; \(summary.badRows) bad rows set aside in \(badRows)" }
        printError(message + String(format: " (%.2fs)", summary.seconds))
    }

    private func csvReadOptions() throws -> CSVReadOptions {
        var csv = CSVReadOptions()
        if let delimiter { csv.delimiter = try character(delimiter) }
        csv.hasHeader = !noHeader
        if !nullString.isEmpty { csv.nullValues = nullString }
        csv.dateFormat = dateFormat
        csv.timestampFormat = timestampFormat
        return csv
    }

    private func parquetOptions() throws -> ParquetWriteOptions {
        var parquet = ParquetWriteOptions()
        guard let codec = CompressionCodec(name: compression) else {
            throw ValidationError("unknown compression '\(compression)'; expected none, snappy, gzip or zstd")
        }
        parquet.compression = codec
        parquet.compressionLevel = compressionLevel
        if let rowGroupSize {
            guard rowGroupSize > 0 else { throw ValidationError("--row-group-size must be positive") }
            parquet.maxRowGroupRows = rowGroupSize
        }
        if let pageSize {
            guard pageSize > 0 else { throw ValidationError("--page-size must be positive") }
            parquet.dataPageSize = pageSize
        }
        parquet.dictionaryEnabled = !noDictionary
        return parquet
    }

    private func badRowHandling() throws -> FileConversion.BadRowHandling {
        switch onBadRow {
        case "fail": return .fail
        case "skip": return .skip
        case "quarantine":
            guard let badRows else { throw ValidationError("--on-bad-row quarantine needs --bad-rows PATH") }
            return .quarantine(path: badRows)
        default: throw ValidationError("unknown --on-bad-row '\(onBadRow)'; expected fail, skip or quarantine")
        }
    }

    private func character(_ text: String) throws -> Character {
        if text == "\\t" || text == "tab" { return "\t" }
        guard text.count == 1, let c = text.first else {
            throw ValidationError("--delimiter takes one character, got '\(text)'")
        }
        return c
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
