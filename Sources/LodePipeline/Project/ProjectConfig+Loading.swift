import Foundation

extension ProjectConfig {
    static let topLevelKeys = ["name", "lake", "sources", "threads", "memory_limit"]
    static let sourceKeys = ["format", "path", "table", "delimiter", "header", "null", "contract"]
    static let contractKeys = ["columns", "extra_columns"]
    static let contractColumnKeys = ["type", "nullable"]

    /// Reads `<root>/lode.yml`.
    public static func load(projectRoot root: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> ProjectConfig {
        let file = (root as NSString).appendingPathComponent("lode.yml")
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
            throw PipelineError(.config, "no lode.yml in \(root) (run `lode init` to create a project)", file: file)
        }
        return try parse(text, file: file, root: root, environment: environment)
    }

    /// Parses the text of a `lode.yml` found at `file` in project folder `root`.
    public static func parse(_ text: String, file: String, root: String,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ProjectConfig {
        let document = try YAMLNode.parse(text, file: file)
        let secrets = SecretResolver(environment: environment, root: root)
        var config = ProjectConfig(name: "", root: root, lakeRoot: (root as NSString).appendingPathComponent("lake"))
        var sawName = false
        for (key, value) in try document.entries(allowed: topLevelKeys) {
            switch key {
            case "name":
                config.name = try value.string()
                sawName = true
            case "lake":
                let path = try secrets.resolve(try value.string(), at: value)
                config.lakeRoot = path.hasPrefix("/") ? path : (root as NSString).appendingPathComponent(path)
            case "threads":
                let threads = try value.int()
                guard threads > 0 else { throw value.error("'threads' must be at least 1") }
                config.threads = threads
            case "memory_limit": config.memoryLimit = try parseByteSize(value)
            case "sources":
                config.sources = try value.entries().map { name, node in try parseSource(name, node, secrets: secrets) }
            default: break
            }
        }
        guard sawName else { throw document.error("missing required key 'name'") }
        return config
    }

    static func parseSource(_ name: String, _ node: YAMLNode, secrets: SecretResolver) throws -> SourceConfig {
        let entries = try node.entries(allowed: sourceKeys)
        guard let formatNode = entries.first(where: { $0.key == "format" })?.value else {
            throw node.error("source '\(name)' needs a 'format' (\(SourceConfig.Format.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        guard let pathNode = entries.first(where: { $0.key == "path" })?.value else {
            throw node.error("source '\(name)' needs a 'path' (a glob relative to the project folder)")
        }
        let format = SourceConfig.Format(rawValue: try formatNode.choice(SourceConfig.Format.allCases.map(\.rawValue)))!
        var source = SourceConfig(name: name, format: format, path: try secrets.resolve(try pathNode.string(), at: pathNode))
        for (key, value) in entries {
            switch key {
            case "table":
                let table = try value.string()
                guard table.split(separator: ".").count == 2 else {
                    throw value.error("'table' must be written layer.table, like bronze.\(name)")
                }
                source.table = table
            case "delimiter":
                let text = try value.string()
                guard text.count == 1, let character = text.first else { throw value.error("'delimiter' must be one character") }
                source.delimiter = character
            case "header": source.header = try value.bool()
            case "null": source.nullText = try value.string()
            case "contract": source.contract = try parseContract(value)
            default: break
            }
        }
        return source
    }

    static func parseContract(_ node: YAMLNode) throws -> SchemaContract {
        var contract = SchemaContract(columns: [])
        for (key, value) in try node.entries(allowed: contractKeys) {
            switch key {
            case "extra_columns":
                contract.extraColumns = SchemaContract.ExtraColumns(rawValue: try value.choice(["allow", "drop", "fail"]))!
            case "columns":
                contract.columns = try value.entries().map { name, column in
                    if case .scalar = column.node { return .init(name: name, type: try column.string()) }
                    var result = SchemaContract.Column(name: name, type: "")
                    for (key, setting) in try column.entries(allowed: contractColumnKeys) {
                        if key == "type" { result.type = try setting.string() } else { result.nullable = try setting.bool() }
                    }
                    guard !result.type.isEmpty else { throw column.error("column '\(name)' needs a 'type'") }
                    return result
                }
            default: break
            }
        }
        return contract
    }

    /// `4GB`, `512MB`, `1.5 GiB` or a plain number of bytes.
    static func parseByteSize(_ node: YAMLNode) throws -> Int {
        if let value = node.node.int { return value }
        let text = try node.string().trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(String, Double)] = [("tib", 1_099_511_627_776), ("tb", 1e12), ("gib", 1_073_741_824), ("gb", 1e9), ("mib", 1_048_576),
                                         ("mb", 1e6), ("kib", 1024), ("kb", 1e3), ("b", 1)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            if let number = Double(text.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), number > 0 {
                return Int(number * factor)
            }
        }
        throw node.error("'\(node.path)' must be a size like 4GB or 512MB, not '\(text)'")
    }
}
