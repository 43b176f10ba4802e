import Foundation

/// A loaded project: its config, its models, and the graph between them.
public struct Project: Sendable {
    public var config: ProjectConfig
    /// Models in dependency order (every model after the ones it reads).
    public var models: [ModelDefinition]

    /// Reads `lode.yml` and every `models/<layer>/<name>.sql` under `root`.
    public static func load(root: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Project {
        let config = try ProjectConfig.load(projectRoot: root, environment: environment)
        let modelsRoot = (root as NSString).appendingPathComponent("models")
        var models: [ModelDefinition] = []
        let layers = ((try? FileManager.default.contentsOfDirectory(atPath: modelsRoot)) ?? []).sorted()
        for layer in layers {
            let folder = (modelsRoot as NSString).appendingPathComponent(layer)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            for file in ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted() where file.hasSuffix(".sql") {
                let path = (folder as NSString).appendingPathComponent(file)
                guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                    throw PipelineError(.model, "cannot read the model file", file: path)
                }
                let name = String(file.dropLast(4))
                try checkName(layer, file: path)
                try checkName(name, file: path)
                var model = try ModelFileParser.parse(text, file: path, layer: layer, name: name)
                let specPath = String(path.dropLast(4)) + ".yml"
                if let data = FileManager.default.contents(atPath: specPath) {
                    guard let text = String(data: data, encoding: .utf8) else {
                        throw PipelineError(.config, "the model spec is not UTF-8 text", file: specPath)
                    }
                    model.spec = try ModelSpec.parse(text, file: specPath)
                }
                models.append(model)
            }
        }
        return Project(config: config, models: try ModelGraph.ordered(models, sources: config.sources))
    }

    public init(config: ProjectConfig, models: [ModelDefinition]) {
        self.config = config
        self.models = models
    }

    private static func checkName(_ name: String, file: String) throws {
        let valid = !name.isEmpty && name.unicodeScalars.allSatisfy { isWordCharacter($0) } && !("0"..."9").contains(name.unicodeScalars.first!)
        guard valid else {
            throw PipelineError(.model, "'\(name)' is not a valid table name: use letters, digits and underscores, starting with a letter", file: file)
        }
    }
}
