import Foundation
import LodeEngine

/// Writes the demo's source files and loads each into a Parquet file of the lake's
/// bronze layer, setting rows that do not parse aside in a quarantine file.
public struct DemoLoad: Sendable {
    public var directory: String
    public var generator: DemoGenerator

    public init(directory: String, generator: DemoGenerator = DemoGenerator()) {
        self.directory = directory
        self.generator = generator
    }

    public var sourcesDirectory: String { directory + "/sources" }
    public var bronzeDirectory: String { directory + "/lake/bronze" }
    public var quarantineDirectory: String { directory + "/lake/bronze/_quarantine" }

    /// Generates and loads every source; `progress` hears about each finished table.
    public func run(progress: ((DemoTableLoad) -> Void)? = nil) throws -> [DemoTableLoad] {
        let files = try generator.generate(into: sourcesDirectory)
        var loads: [String: DemoTableLoad] = [:]
        var order: [String] = []
        for file in files {
            let table = Self.tableName(of: file.path)
            let name = URL(fileURLWithPath: file.path).deletingPathExtension().lastPathComponent
            let output = "\(bronzeDirectory)/\(table)/\(name).parquet"
            try FileManager.default.createDirectory(atPath: "\(bronzeDirectory)/\(table)", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: quarantineDirectory, withIntermediateDirectories: true)
            var conversion = FileConversion(input: file.path, output: output)
            conversion.badRows = .quarantine(path: "\(quarantineDirectory)/\(name).ndjson")
            let summary = try conversion.run()
            if loads[table] == nil { order.append(table) }
            var load = loads[table] ?? DemoTableLoad(table: table)
            load.files += 1
            load.rows += summary.rows
            load.badRows += summary.badRows
            load.bytes += (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
            load.seconds += summary.seconds
            loads[table] = load
        }
        let result = order.compactMap { loads[$0] }
        result.forEach { progress?($0) }
        return result
    }

    /// The bronze table a source file belongs to: its name without the date suffix.
    static func tableName(of path: String) -> String {
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        if let range = name.range(of: #"_\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) {
            return String(name[..<range.lowerBound])
        }
        return name
    }
}

/// One bronze table the demo loaded.
public struct DemoTableLoad: Sendable {
    public var table: String
    public var files = 0
    public var rows = 0
    public var badRows = 0
    /// Parquet bytes written.
    public var bytes = 0
    public var seconds = 0.0
}
