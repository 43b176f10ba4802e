extension ModelProperty {
    static let kinds = ["full", "view", "append", "incremental_by_unique_key", "incremental_by_time_range",
                        "scd_type_2", "scd_type_2_by_time", "scd_type_2_by_column"]

    /// Sets `model`'s settings from the parsed MODEL entries.
    static func apply(_ properties: [ModelProperty], to model: inout ModelDefinition) throws {
        for property in properties {
            func fail(_ message: String) -> PipelineError {
                PipelineError(.model, message, file: model.file, line: property.line)
            }
            func names() throws -> [String] {
                guard property.terms.count == 1, let names = property.terms[0].names else {
                    throw fail("'\(property.key)' takes a name or a list of names in parentheses")
                }
                return names
            }
            func text() throws -> String {
                guard property.terms.count == 1, let text = property.terms[0].text else {
                    throw fail("'\(property.key)' takes one value")
                }
                return text
            }
            switch property.key {
            case "name":
                let name = try text()
                guard name == model.tableName || name == model.name else {
                    throw fail("MODEL name '\(name)' does not match the file's place (\(model.tableName)); the folder and file name decide it")
                }
            case "kind": model.kind = try kind(property, fail: fail)
            case "tags": model.tags = try names()
            case "partitioned_by": model.partitionedBy = try names()
            case "grain": model.grain = try names()
            case "cron": model.cron = try text()
            case "description": model.description = try text()
            case "new_rows_from":
                var tables: [String] = []
                for name in try names() {
                    guard let table = model.dependencies.first(where: { $0.lowercased() == name.lowercased() }) else {
                        throw fail("new_rows_from names \(name), which the query does not read (it reads \(model.dependencies.joined(separator: ", ")))")
                    }
                    tables.append(table)
                }
                model.newRowsFrom = tables
            default: break
            }
        }
    }

    private static func kind(_ property: ModelProperty, fail: (String) -> PipelineError) throws -> MaterializationKind {
        guard let first = property.terms.first, case .word(let word) = first else {
            throw fail("'kind' must be one of \(kinds.joined(separator: ", "))")
        }
        let name = word.lowercased()
        guard kinds.contains(name) else {
            let hint = nameHint(name, kinds, quoted: false)
            throw fail("unknown model kind '\(word)'; use one of \(kinds.joined(separator: ", "))\(hint)")
        }
        var options: [String: ModelProperty.Term] = [:]
        if property.terms.count > 1 {
            guard property.terms.count == 2, case .group(let entries) = property.terms[1] else {
                throw fail("options of kind \(word) go in one pair of parentheses")
            }
            for entry in entries {
                guard entry.count == 2, case .word(let key) = entry[0] else {
                    throw fail("each option of kind \(word) is written `name value`")
                }
                options[key.lowercased()] = entry[1]
            }
        }
        func names(_ key: String, required: Bool = true) throws -> [String] {
            guard let term = options[key] else {
                if required { throw fail("kind \(word) needs (\(key) ...)") }
                return []
            }
            guard let names = term.names, !names.isEmpty else { throw fail("'\(key)' takes a column or a list of columns") }
            return names
        }
        let known: [String: [String]] = [
            "incremental_by_unique_key": ["unique_key"],
            "incremental_by_time_range": ["time_column", "lookback"],
            "scd_type_2": ["unique_key", "updated_at", "columns"],
            "scd_type_2_by_time": ["unique_key", "updated_at"],
            "scd_type_2_by_column": ["unique_key", "columns"],
        ]
        for key in options.keys where !(known[name] ?? []).contains(key) {
            let valid = known[name] ?? []
            let hint = nameHint(key, valid, quoted: false)
            throw fail("kind \(word) has no option '\(key)'\(valid.isEmpty ? "" : " (options: \(valid.joined(separator: ", ")))")\(hint)")
        }
        switch name {
        case "full": return .full
        case "view": return .view
        case "append": return .append
        case "incremental_by_unique_key": return .incrementalByUniqueKey(uniqueKey: try names("unique_key"))
        case "incremental_by_time_range":
            guard let column = try names("time_column").first else { throw fail("kind \(word) needs (time_column ...)") }
            var lookback = 0
            if let term = options["lookback"] {
                guard let text = term.text, let value = Int(text), value >= 0 else { throw fail("'lookback' must be a whole number") }
                lookback = value
            }
            return .incrementalByTimeRange(timeColumn: column, lookback: lookback)
        default:
            let updatedAt = try names("updated_at", required: false).first
            let columns = try names("columns", required: false)
            if name == "scd_type_2_by_time", updatedAt == nil { throw fail("kind \(word) needs (updated_at ...)") }
            return .scdType2(uniqueKey: try names("unique_key"), updatedAt: updatedAt, columns: columns)
        }
    }
}
