import Foundation
import LodeCore
import LodeEngine
import LodeSQL

/// The interactive `lode sql` shell: statements end at `;` and may span lines;
/// dot commands (`.help`) control the shell. Errors are printed and the shell goes on.
struct SqlShell {
    let session: Session
    var renderer: ResultRenderer
    var timer = false

    static let help = """
    Enter SQL statements ending with ';' (they may span lines).
    .help              this text
    .tables            the lake's tables (layer.table)
    .timer on|off      print each statement's run time
    .mode FORMAT       table, csv, json or ndjson
    .maxrows N         rows the table format shows
    .quit              leave (also .exit or Ctrl-D)
    """

    mutating func run() {
        print("Lode \(Lode.version) SQL shell. Enter .help for help." + (session.lakeRoot.map { " Lake: \($0)" } ?? " No lake (--lake DIR)."))
        let home = ProcessInfo.processInfo.environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        let editor = LineEditor(historyPath: home + "/.lode_history")
        var buffer = ""
        while true {
            guard let line = editor.readLine(prompt: buffer.isEmpty ? "lode> " : "  ...> ") else {
                if !buffer.isEmpty { print("") }
                return
            }
            if line == LineEditor.interrupt {
                buffer = ""
                continue
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if buffer.isEmpty && trimmed.hasPrefix(".") {
                editor.remember(trimmed)
                if !command(trimmed) { return }
                continue
            }
            if buffer.isEmpty && trimmed.isEmpty { continue }
            buffer += (buffer.isEmpty ? "" : "\n") + line
            guard buffer.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(";") else { continue }
            editor.remember(buffer.split(separator: "\n").joined(separator: " "))
            runStatements(buffer)
            buffer = ""
        }
    }

    private func runStatements(_ text: String) {
        do {
            for statement in try SQL.parseScript(text) {
                let started = Date()
                let result = try session.execute(statement: statement)
                print(try renderer.render(result), terminator: "")
                if timer { print(String(format: "Run Time: %.3f s", Date().timeIntervalSince(started))) }
            }
        } catch {
            printError("Error: \(error)")
        }
    }

    /// Runs a dot command; `false` to leave the shell.
    private mutating func command(_ text: String) -> Bool {
        let words = text.split(separator: " ").map(String.init)
        switch words.first ?? "" {
        case ".quit", ".exit": return false
        case ".help": print(Self.help)
        case ".tables": for name in tables() { print(name) }
        case ".timer":
            guard words.count == 2, ["on", "off"].contains(words[1]) else { printError("usage: .timer on|off"); break }
            timer = words[1] == "on"
        case ".mode":
            let name = words.count == 2 ? words[1].lowercased() : ""
            guard let format = ResultFormat(rawValue: name == "ndjson" ? "json" : name), format != .parquet else {
                printError("usage: .mode table|csv|json|ndjson"); break
            }
            renderer.format = format
            renderer.ndjson = name == "ndjson"
        case ".maxrows":
            guard words.count == 2, let n = Int(words[1]), n > 0 else { printError("usage: .maxrows N"); break }
            renderer.maxRows = n
        default: printError("unknown command \(words.first ?? ""); enter .help")
        }
        return true
    }

    /// `layer.table` for every Delta table folder of the lake.
    private func tables() -> [String] {
        guard let root = session.lakeRoot else { return [] }
        let files = FileManager.default
        var names: [String] = []
        for layer in ((try? files.contentsOfDirectory(atPath: root)) ?? []).sorted() where !layer.hasPrefix(".") {
            for table in ((try? files.contentsOfDirectory(atPath: root + "/" + layer)) ?? []).sorted()
            where files.fileExists(atPath: "\(root)/\(layer)/\(table)/_delta_log") {
                names.append("\(layer).\(table)")
            }
        }
        return names
    }
}
