import ArgumentParser
import LodeCore
import LodeDelta

struct TableHistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List a table's commits, newest first."
    )

    @Argument(help: "The table's folder.") var path: String
    @Option(help: "Show at most this many commits.") var limit: Int?
    @Flag(help: "Print one JSON object per commit.") var json = false

    func run() throws {
        let records = try DeltaTable(path: path).history(limit: limit)
        if json {
            for record in records {
                var object = JSONObject()
                object.append("version", .int(record.version))
                object.append("timestamp", .int(record.timestamp))
                object.append("commitInfo", record.info.json)
                print(JSONValue.object(object).serialized())
            }
            return
        }
        let rows = records.map { record -> [String] in
            let info = record.info
            let parameters = (info.operationParameters ?? [:]).sorted { $0.key < $1.key }
                .map { "\($0.key)=\(Self.plain($0.value))" }.joined(separator: " ")
            let metrics = (info.operationMetrics ?? [:]).sorted { $0.key < $1.key }
                .map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            return [String(record.version), formatMillis(record.timestamp), info.operation ?? "",
                    parameters, metrics, info.engineInfo ?? ""]
        }
        print(alignedTable(header: ["version", "timestamp", "operation", "parameters", "metrics", "engine"], rows: rows,
                           rightAligned: [0]))
    }

    /// A parameter's JSON text without the quotes of a plain string.
    static func plain(_ jsonText: String) -> String {
        if let value = try? JSONValue.parse(jsonText), let s = value.stringValue { return s }
        return jsonText
    }
}
