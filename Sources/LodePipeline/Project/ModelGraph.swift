/// Orders models so that each comes after the models it reads — and, where that makes
/// no cycle, after the models its tests read — and checks every table a model reads
/// exists as a model or a source.
enum ModelGraph {
    static func ordered(_ models: [ModelDefinition], sources: [SourceConfig]) throws -> [ModelDefinition] {
        var byName: [String: ModelDefinition] = [:]
        for model in models {
            if let other = byName[model.tableName] {
                throw PipelineError(.model, "model \(model.tableName) is defined twice (also in \(other.file))", file: model.file)
            }
            byName[model.tableName] = model
        }
        let sourceTables = Set(sources.map(\.table))
        for model in models {
            for dependency in model.dependencies where byName[dependency] == nil && !sourceTables.contains(dependency) {
                let known = Array(byName.keys) + Array(sourceTables)
                let hint = nameHint(dependency, known, quoted: false)
                throw PipelineError(.model, "\(model.tableName) reads \(dependency), which is neither a model nor a source table\(hint)",
                                    file: model.file)
            }
        }
        var ordered: [ModelDefinition] = []
        var state: [String: Bool] = [:]   // false: in progress, true: done
        func visit(_ model: ModelDefinition, path: [String]) throws {
            if state[model.tableName] == true { return }
            if state[model.tableName] == false {
                let cycle = (path.drop { $0 != model.tableName } + [model.tableName]).joined(separator: " → ")
                throw PipelineError(.model, "models depend on each other in a cycle: \(cycle)", file: model.file)
            }
            state[model.tableName] = false
            for dependency in model.dependencies {
                if let upstream = byName[dependency] { try visit(upstream, path: path + [model.tableName]) }
            }
            for dependency in model.checkDependencies where state[dependency] == nil {
                if let upstream = byName[dependency], !reaches(upstream, model.tableName) {
                    try visit(upstream, path: path + [model.tableName])
                }
            }
            state[model.tableName] = true
            ordered.append(model)
        }
        /// Whether `model` reads `table`, directly or through other models.
        func reaches(_ model: ModelDefinition, _ table: String) -> Bool {
            var pending = model.dependencies + model.checkDependencies
            var seen = Set<String>()
            while let next = pending.popLast() {
                if next == table { return true }
                guard seen.insert(next).inserted, let upstream = byName[next] else { continue }
                pending += upstream.dependencies + upstream.checkDependencies
            }
            return false
        }
        for model in models.sorted(by: { $0.tableName < $1.tableName }) { try visit(model, path: []) }
        return ordered
    }
}
