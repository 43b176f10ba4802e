import ArgumentParser
import Foundation
import LodeCore
import LodeEngine
import LodeSQL

struct SqlCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run SQL over the lake's Delta tables and over files.",
        discussion: """
        `layer.table` names the Delta table in <lake>/<layer>/<table>; read_parquet('glob'), read_csv('glob'), \
        read_json('glob') and delta_scan('path') read files. Without STATEMENTS, lode sql opens an interactive \
        shell on a terminal, or runs the statements piped to it. See docs/sql.md.
        """
    )

    @Argument(help: "Statements to run, separated by ';'.") var statements: String?
    @Option(help: "The lake's folder (default: $LODE_LAKE).") var lake: String?
    @Option(help: "Output format: table, csv, json, ndjson or parquet.") var format = "table"
    @Option(help: "Write the last statement's result to this file instead of printing it.") var output: String?
    @Option(help: "Threads each query uses (default: every core).") var threads: Int?
    @Option(name: .customLong("memory-limit"), help: "Memory a query may hold, e.g. 2GB (default: 80% of RAM).")
    var memoryLimit: String?
    @Option(name: .customLong("max-rows"), help: "Rows the table format shows (default: all, 40 in the shell).")
    var maxRows: Int?

    func validate() throws {
        _ = try renderer()
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if let maxRows, maxRows < 1 { throw ValidationError("--max-rows must be at least 1") }
        if let memoryLimit {
            do { _ = try SessionOptions.parseMemorySize(memoryLimit) } catch { throw ValidationError("\(error)") }
        }
        if format.lowercased() == "parquet" && output == nil {
            throw ValidationError("--format parquet writes a file: give --output FILE")
        }
    }

    /// The renderer `--format` and `--max-rows` ask for.
    func renderer() throws -> ResultRenderer {
        let name = format.lowercased()
        guard let parsed = ResultFormat(rawValue: name == "ndjson" ? "json" : name) else {
            throw ValidationError("--format must be table, csv, json, ndjson or parquet, not '\(format)'")
        }
        var renderer = ResultRenderer(format: parsed)
        renderer.ndjson = name == "ndjson"
        renderer.maxRows = maxRows
        return renderer
    }

    func sessionOptions() throws -> SessionOptions {
        var options = SessionOptions()
        if let threads { options.threads = threads }
        if let memoryLimit { options.memoryLimit = try SessionOptions.parseMemorySize(memoryLimit) }
        return options
    }

    func run() throws {
        let session = try Session(lakeRoot: lake ?? ProcessInfo.processInfo.environment["LODE_LAKE"], options: sessionOptions())
        let renderer = try self.renderer()
        if let statements {
            try runScript(statements, session: session, renderer: renderer)
        } else if isatty(STDIN_FILENO) == 1 {
            var shell = SqlShell(session: session, renderer: renderer)
            if maxRows == nil { shell.renderer.maxRows = 40 }
            shell.run()
        } else {
            let input = FileHandle.standardInput.readDataToEndOfFile()
            try runScript(String(decoding: input, as: UTF8.self), session: session, renderer: renderer)
        }
    }

    /// Runs every statement, printing each result (or writing the last to `--output`).
    private func runScript(_ text: String, session: Session, renderer: ResultRenderer) throws {
        let parsed = try SQL.parseScript(text)
        for (index, statement) in parsed.enumerated() {
            let result = try session.execute(statement: statement)
            if let output {
                if index == parsed.count - 1 { try renderer.write(result, to: output) }
            } else {
                FileHandle.standardOutput.write(Data(try renderer.render(result).utf8))
            }
        }
    }
}
