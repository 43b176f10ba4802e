import ArgumentParser
import Foundation
import LodeCore
import LodeParquet

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show a Parquet file's schema, row groups, encodings, codecs and statistics."
    )

    @Argument(help: "The Parquet file.") var file: String
    @Flag(help: "Print one JSON object instead of a report.") var json = false

    func run() throws {
        let summary = try ParquetReader(path: file).summary()
        print(json ? jsonText(summary) : report(summary))
    }

    private func report(_ s: ParquetFileSummary) -> String {
        var lines = ["file        \(s.file)", "rows        \(s.numRows)", "row groups  \(s.rowGroups.count)",
                     "created by  \(s.createdBy ?? "(unknown)")", "", "schema"]
        let width = s.schema.fields.map(\.name.count).max() ?? 0
        for field in s.schema.fields {
            lines.append("  " + field.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(field.type)"
                         + (field.nullable ? "" : " NOT NULL"))
        }
        for (i, group) in s.rowGroups.enumerated() {
            lines.append("")
            lines.append("row group \(i): \(group.numRows) rows, \(group.totalByteSize) bytes uncompressed")
            for c in group.columns {
                var stats = "nulls \(c.nullCount.map(String.init) ?? "?")"
                if let min = c.min, let max = c.max { stats += ", min \(min), max \(max)" }
                lines.append("  \(c.path): \(c.physicalType) \(c.codec) [\(c.encodings.map(\.description).joined(separator: ", "))] "
                             + "\(c.compressedSize)/\(c.uncompressedSize) bytes, \(stats)")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func jsonText(_ s: ParquetFileSummary) -> String {
        let object: [String: Any] = [
            "file": s.file,
            "num_rows": s.numRows,
            "created_by": s.createdBy ?? NSNull(),
            "format_version": s.formatVersion,
            "schema": s.schema.fields.map { ["name": $0.name, "type": $0.type.description, "nullable": $0.nullable] },
            "key_value_metadata": Dictionary(s.keyValueMetadata.map { ($0.key, $0.value ?? "") }, uniquingKeysWith: { $1 }),
            "row_groups": s.rowGroups.map { group in
                [
                    "num_rows": group.numRows,
                    "total_byte_size": group.totalByteSize,
                    "columns": group.columns.map { c in
                        var stats: [String: Any] = ["null_count": c.nullCount ?? NSNull()]
                        stats["min"] = c.min.map(\.description) ?? NSNull()
                        stats["max"] = c.max.map(\.description) ?? NSNull()
                        return [
                            "path": c.path, "physical_type": c.physicalType.description, "type": c.type.description,
                            "codec": c.codec.description, "encodings": c.encodings.map(\.description),
                            "num_values": c.numValues, "compressed_size": c.compressedSize,
                            "uncompressed_size": c.uncompressedSize, "statistics": stats,
                        ] as [String: Any]
                    },
                ] as [String: Any]
            },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
