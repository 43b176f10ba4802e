import Foundation

/// A folder holding the demo project, its source files, and `demo.json` recording the
/// scale, seed and days written, so that later days continue the same company.
public struct DemoFolder: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    struct Settings: Codable {
        var scale: Double
        var seed: UInt64
        /// The days the first generation wrote.
        var firstDays: Int
        /// The days written so far.
        var days: Int
    }

    var settingsFile: String { directory + "/demo.json" }
    public var sourcesDirectory: String { directory + "/sources" }

    /// Writes the project and `generator`'s sources into the folder, which must not
    /// already hold a project.
    @discardableResult
    public func create(_ generator: DemoGenerator) throws -> [GeneratedFile] {
        if FileManager.default.fileExists(atPath: directory + "/lode.yml") {
            throw PipelineError(.run, "\(directory) already holds a project: build it with `lode build --project \(directory)`, "
                                + "or add a day of data with `lode demo --dir \(directory) --add-day`")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try DemoProject.write(to: directory)
        let files = try generator.generate(into: sourcesDirectory)
        try save(Settings(scale: generator.scale, seed: generator.seed, firstDays: generator.dayCount, days: generator.dayCount))
        return files
    }

    /// Writes the next day of orders, order items, web events, FX rates and ad spend.
    @discardableResult
    public func addDay() throws -> (day: String, files: [GeneratedFile]) {
        guard let data = FileManager.default.contents(atPath: settingsFile),
              var settings = try? JSONDecoder().decode(Settings.self, from: data) else {
            throw PipelineError(.run, "\(directory) holds no demo (no readable demo.json): create one with `lode demo --dir \(directory)`")
        }
        let generator = DemoGenerator(scale: settings.scale, seed: settings.seed, dayCount: settings.firstDays)
        let files = try generator.generateDay(settings.days, into: sourcesDirectory)
        let day = Text.date(generator.day(settings.days))
        settings.days += 1
        try save(settings)
        return (day, files)
    }

    private func save(_ settings: Settings) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(settings).write(to: URL(fileURLWithPath: settingsFile), options: .atomic)
    }
}
