import ArgumentParser
import Foundation
import LodeCore
import LodeDelta

struct TableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Create, write, inspect and maintain Delta Lake tables.",
        discussion: """
        PATH is the table's folder. Tables are Delta Lake: Spark, delta-rs and DuckDB read them too.
        """,
        subcommands: [
            TableCreateCommand.self, TableWriteCommand.self, TableShowCommand.self, TableDescribeCommand.self,
            TableHistoryCommand.self, TableDeleteCommand.self, TableOptimizeCommand.self, TableVacuumCommand.self,
        ]
    )
}

/// Parses `k=v` pairs given with a repeatable option.
func parseProperties(_ pairs: [String]) throws -> [String: String] {
    var properties: [String: String] = [:]
    for pair in pairs {
        guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
            throw ValidationError("--property takes key=value, got '\(pair)'")
        }
        properties[String(pair[..<eq]).trimmingCharacters(in: .whitespaces)] =
            String(pair[pair.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
    }
    return properties
}

/// Splits `a,b` into column names.
func parseColumnList(_ text: String?) -> [String]? {
    text.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
}

/// Milliseconds since the epoch as `2024-01-31 12:00:00.123 UTC`.
func formatMillis(_ ms: Int64) -> String {
    Temporal.formatTimestamp(ms, unit: .millisecond) + " UTC"
}

/// `1.5 MiB`-style sizes.
func formatBytes(_ bytes: Int64) -> String {
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024 && unit < units.count - 1 { value /= 1024; unit += 1 }
    return unit == 0 ? "\(bytes) bytes" : String(format: "%.1f %@", value, units[unit])
}

/// Rows as a text table with a header, columns padded to their widest cell.
func alignedTable(header: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
    var widths = header.map(\.count)
    for row in rows {
        for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
    }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { i, cell in
            let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
            return rightAligned.contains(i) ? pad + cell : cell + pad
        }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
    }
    var lines = [line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
    lines += rows.map(line)
    return lines.joined(separator: "\n")
}
