import Foundation

/// dbt-style model selection: `orders`, `silver.orders`, `+orders` (with everything
/// upstream), `orders+` (with everything downstream), `layer:silver`, `tag:pii`; several
/// selectors (space- or comma-separated) are a union.
public struct ModelSelector: Sendable, Equatable {
    enum Criterion: Sendable, Equatable {
        case name(String)
        case layer(String)
        case tag(String)
    }

    var criterion: Criterion
    var upstream: Bool
    var downstream: Bool

    /// Parses one selector.
    public init(_ text: String) throws {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        upstream = body.hasPrefix("+")
        if upstream { body = body.dropFirst() }
        downstream = body.hasSuffix("+")
        if downstream { body = body.dropLast() }
        guard !body.isEmpty else { throw PipelineError(.run, "empty model selector '\(text)'") }
        if body.hasPrefix("layer:") {
            criterion = .layer(String(body.dropFirst(6)))
        } else if body.hasPrefix("tag:") {
            criterion = .tag(String(body.dropFirst(4)))
        } else if let colon = body.firstIndex(of: ":") {
            throw PipelineError(.run, "unknown selector method '\(body[..<colon])' in '\(text)'; use layer:, tag: or a model name")
        } else {
            criterion = .name(String(body))
        }
    }

    /// The table names of `models` that a list of selectors picks (all when `selectors` is empty),
    /// in the models' order.
    public static func select(_ selectors: [String], from models: [ModelDefinition]) throws -> [String] {
        if selectors.isEmpty { return models.map(\.tableName) }
        let parsed = try selectors.flatMap { $0.split(whereSeparator: { $0 == "," || $0 == " " }) }.map { try ModelSelector(String($0)) }
        var chosen = Set<String>()
        for selector in parsed { chosen.formUnion(try selector.matches(in: models)) }
        return models.map(\.tableName).filter(chosen.contains)
    }

    func matches(in models: [ModelDefinition]) throws -> Set<String> {
        var base: Set<String>
        switch criterion {
        case .name(let name):
            let lower = name.lowercased()
            base = Set(models.filter { $0.tableName == lower || $0.name == lower }.map(\.tableName))
            if base.isEmpty {
                let hint = nameHint(lower, models.map(\.tableName) + models.map(\.name), quoted: false)
                throw PipelineError(.run, "no model matches '\(name)'\(hint)")
            }
        case .layer(let layer): base = Set(models.filter { $0.layer == layer.lowercased() }.map(\.tableName))
        case .tag(let tag): base = Set(models.filter { $0.tags.contains(tag) }.map(\.tableName))
        }
        var result = base
        if upstream { result.formUnion(closure(of: base, in: models, downstream: false)) }
        if downstream { result.formUnion(closure(of: base, in: models, downstream: true)) }
        return result
    }

    private func closure(of start: Set<String>, in models: [ModelDefinition], downstream: Bool) -> Set<String> {
        var edges: [String: [String]] = [:]
        for model in models {
            for dependency in model.dependencies {
                if downstream { edges[dependency, default: []].append(model.tableName) } else {
                    edges[model.tableName, default: []].append(dependency)
                }
            }
        }
        let modelNames = Set(models.map(\.tableName))
        var seen = start
        var queue = Array(start)
        while let next = queue.popLast() {
            for neighbour in edges[next] ?? [] where !seen.contains(neighbour) && modelNames.contains(neighbour) {
                seen.insert(neighbour)
                queue.append(neighbour)
            }
        }
        return seen
    }
}
