import Yams

/// A YAML node with the file it came from, read with errors that name file, line and key.
struct YAMLNode {
    let node: Node
    let file: String
    /// The dotted path of keys leading here, for messages (`sources.crm.format`).
    let path: String

    /// Parses `text` (the contents of `file`); an empty document is an empty mapping.
    static func parse(_ text: String, file: String) throws -> YAMLNode {
        do {
            let node = try Yams.compose(yaml: text) ?? Node.mapping([:])
            return YAMLNode(node: node, file: file, path: "")
        } catch let error as YamlError {
            throw PipelineError(.config, "invalid YAML: \(error)", file: file)
        }
    }

    func error(_ message: String) -> PipelineError {
        PipelineError(.config, message, file: file, line: node.mark?.line, column: node.mark?.column)
    }

    private func child(_ node: Node, key: String) -> YAMLNode {
        YAMLNode(node: node, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }

    /// The entries of a mapping, in file order; unknown keys (outside `allowed`, when given)
    /// throw with the closest allowed key as a suggestion.
    func entries(allowed: [String]? = nil) throws -> [(key: String, value: YAMLNode)] {
        guard case .mapping(let mapping) = node else {
            throw error("\(path.isEmpty ? "the file" : "'\(path)'") must be a mapping of keys to values")
        }
        var out: [(String, YAMLNode)] = []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                throw YAMLNode(node: keyNode, file: file, path: path).error("keys must be text")
            }
            if let allowed, !allowed.contains(key) {
                let place = path.isEmpty ? "" : " in '\(path)'"
                let suggestion = nameHint(key, allowed, listing: "valid keys")
                throw YAMLNode(node: keyNode, file: file, path: path).error("unknown key '\(key)'\(place)\(suggestion)")
            }
            out.append((key, child(value, key: key)))
        }
        return out
    }

    /// The value under `key` of a mapping, if present.
    func optional(_ key: String) throws -> YAMLNode? {
        try entries().first { $0.key == key }?.value
    }

    /// The value under `key`, which must be present.
    func required(_ key: String) throws -> YAMLNode {
        guard let value = try optional(key) else {
            throw error("missing required key '\(key)'\(path.isEmpty ? "" : " in '\(path)'")")
        }
        return value
    }

    /// The node as text (scalars only).
    func string() throws -> String {
        guard case .scalar(let scalar) = node else { throw error("'\(path)' must be a single value") }
        return scalar.string
    }

    func bool() throws -> Bool {
        guard let value = node.bool else { throw error("'\(path)' must be true or false") }
        return value
    }

    func int() throws -> Int {
        guard let value = node.int else { throw error("'\(path)' must be a whole number") }
        return value
    }

    func double() throws -> Double {
        guard let value = node.float ?? node.int.map(Double.init) else { throw error("'\(path)' must be a number") }
        return value
    }

    /// The items of a sequence; a single scalar counts as a one-item list.
    func list() throws -> [YAMLNode] {
        switch node {
        case .sequence(let sequence): return sequence.enumerated().map { child($1, key: "\($0)") }
        case .scalar: return [self]
        default: throw error("'\(path)' must be a list")
        }
    }

    /// The text items of a list (or one text).
    func strings() throws -> [String] { try list().map { try $0.string() } }

    /// One of `choices`, with a suggestion when misspelled.
    func choice(_ choices: [String]) throws -> String {
        let value = try string().lowercased()
        guard choices.contains(value) else {
            let hint = nameHint(value, choices)
            throw error("'\(path)' must be one of \(choices.joined(separator: ", ")), not '\(value)'\(hint)")
        }
        return value
    }
}
