import ArgumentParser
import LodeCore
import LodeDelta

struct TableDescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Show a table's schema, partitioning, properties, version, files and size."
    )

    @Argument(help: "The table's folder.") var path: String
    @Option(help: "Describe this version instead of the latest.") var version: Int64?
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        let table = DeltaTable(path: path)
        let snapshot = try version.map { try table.snapshot(version: $0) } ?? table.snapshot()
        let m = snapshot.metadata
        let p = snapshot.protocol
        if json {
            var o = JSONObject()
            o.append("path", .string(path))
            o.append("version", .int(snapshot.version))
            o.append("timestamp", .int(snapshot.timestamp))
            o.append("id", .string(m.id))
            o.append("name", m.name.map(JSONValue.string) ?? .null)
            o.append("description", m.description.map(JSONValue.string) ?? .null)
            o.append("schema", .array(snapshot.schema.fields.map { field in
                ["name": .string(field.name), "type": .string(field.type.description), "nullable": .bool(field.nullable)]
            }))
            o.append("partitionColumns", .array(snapshot.partitionColumns.map(JSONValue.string)))
            o.append("properties", .object(JSONObject(snapshot.properties.sorted { $0.key < $1.key }
                .map { ($0.key, JSONValue.string($0.value)) })))
            o.append("protocol", p.json)
            o.append("numFiles", .int(Int64(snapshot.files.count)))
            o.append("sizeInBytes", .int(snapshot.sizeInBytes))
            print(JSONValue.object(o).serialized())
            return
        }
        var lines = [
            "table        \(path)",
            "version      \(snapshot.version) (\(formatMillis(snapshot.timestamp)))",
        ]
        if let name = m.name { lines.append("name         \(name)") }
        if let description = m.description { lines.append("description  \(description)") }
        lines.append("id           \(m.id)")
        var protocolText = "reader \(p.minReaderVersion), writer \(p.minWriterVersion)"
        if let features = p.readerFeatures { protocolText += ", reader features [\(features.joined(separator: ", "))]" }
        if let features = p.writerFeatures { protocolText += ", writer features [\(features.joined(separator: ", "))]" }
        lines.append("protocol     \(protocolText)")
        lines.append("partitioned  " + (snapshot.partitionColumns.isEmpty ? "no" : "by " + snapshot.partitionColumns.joined(separator: ", ")))
        lines.append("files        \(snapshot.files.count)")
        lines.append("size         \(formatBytes(snapshot.sizeInBytes)) (\(snapshot.sizeInBytes) bytes)")
        lines.append("")
        lines.append("schema")
        let width = snapshot.schema.fields.map(\.name.count).max() ?? 0
        for field in snapshot.schema.fields {
            var line = "  " + field.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(field.type)"
            if !field.nullable { line += " NOT NULL" }
            if snapshot.partitionColumns.contains(field.name) { line += "  (partition)" }
            lines.append(line)
        }
        if !snapshot.properties.isEmpty {
            lines.append("")
            lines.append("properties")
            for (key, value) in snapshot.properties.sorted(by: { $0.key < $1.key }) { lines.append("  \(key)=\(value)") }
        }
        print(lines.joined(separator: "\n"))
    }
}
