import LodeCore
import LodeSQL

/// The plan of a `FROM` clause and the columns it makes visible.
struct BoundFrom {
    var plan: LogicalPlan
    var scope: BindScope
}

extension Binder {
    /// Binds the comma-separated `FROM` entries as cross joins (the `WHERE` clause is left
    /// for the optimizer to turn into join conditions); no `FROM` is one row without columns.
    func bindFrom(_ items: [TableReference], frame: BindFrame) throws -> BoundFrom {
        guard let first = items.first else {
            return BoundFrom(plan: .values(Values(columns: [], rows: [[]])), scope: BindScope())
        }
        var result = try bindTableReference(first, frame: frame)
        for item in items.dropFirst() {
            let right = try bindTableReference(item, frame: frame, lateralScope: result.scope)
            try checkDistinctQualifiers(result.scope, right.scope)
            result = BoundFrom(plan: .join(Join(kind: .inner, left: result.plan, right: right.plan, condition: nil)),
                               scope: BindScope(entries: result.scope.entries + right.scope.entries))
        }
        return result
    }

    /// Binds one `FROM` entry; a `LATERAL` subquery also sees `lateralScope`, the entries
    /// to its left, and reads their columns as outer references (flattened into a join by
    /// the optimizer).
    func bindTableReference(_ reference: TableReference, frame: BindFrame, lateralScope: BindScope? = nil) throws -> BoundFrom {
        switch reference {
        case .table(let name, let timeTravel, let alias):
            if name.parts.count == 1, timeTravel == nil, let definition = frame.commonTable(name.parts[0]) {
                var bound = try bindCommonTable(definition, alias: alias)
                bound.scope.setTableName((alias?.name ?? name.parts[0]).name.lowercased())
                return bound
            }
            if timeTravel == nil, let view = try catalog.view(name.parts.map(\.name)) {
                return try bindView(view, name: name, alias: alias)
            }
            let version = try timeTravel.map { try bindTimeTravel($0) }
            guard let source = try catalog.table(name.parts.map(\.name), version: version) else {
                throw unknownTable(name, frame: frame)
            }
            var bound = try scan(source, qualifier: name.base?.name, alias: alias)
            bound.scope.setTableName(alias?.name.name.lowercased() ?? name.parts.map { $0.name.lowercased() }.joined(separator: "."))
            return bound
        case .function(let name, let arguments, let alias):
            var bound = try bindTableFunction(name, arguments, alias: alias)
            bound.scope.setTableName(alias?.name.name.lowercased())
            return bound
        case .subquery(let query, let lateral, let alias):
            let parent = lateral ? lateralScope.map { BindFrame(scope: $0, parent: frame) } ?? frame : frame
            let plan = try bindQuery(query, parent: parent).plan
            return try aliased(plan, qualifier: nil, alias: alias)
        case .join(let left, let kind, let right, let condition):
            let boundLeft = try bindTableReference(left, frame: frame, lateralScope: lateralScope)
            return try bindJoin(boundLeft, kind, try bindTableReference(right, frame: frame, lateralScope: boundLeft.scope),
                                condition, frame: frame)
        }
    }

    /// A view's query, bound on its own (it sees no CTE or column of the query using it).
    private func bindView(_ view: Query, name: QualifiedName, alias: TableAlias?) throws -> BoundFrom {
        let key = name.parts.map { $0.name.lowercased() }.joined(separator: ".")
        guard !viewsBeingBound.contains(key) else {
            throw PlanError(.binding, "view \(name.sql) refers to itself", at: name.parts.first?.location)
        }
        viewsBeingBound.insert(key)
        defer { viewsBeingBound.remove(key) }
        let plan = try bindQuery(view, parent: BindFrame(parent: nil)).plan
        var bound = try aliased(plan, qualifier: name.base?.name, alias: alias)
        bound.scope.setTableName(alias?.name.name.lowercased() ?? key)
        return bound
    }

    /// A scan of every column of `source`.
    func scan(_ source: any TableSource, qualifier: String?, alias: TableAlias?) throws -> BoundFrom {
        let columns = source.schema.fields.map { PlanColumn(id: ids.next(), name: $0.name, type: $0.type, nullable: $0.nullable) }
        let plan = LogicalPlan.scan(Scan(source: source, columns: columns, sourceIndices: Array(columns.indices)))
        return try aliased(plan, qualifier: qualifier, alias: alias)
    }

    /// The scope of `plan` under its alias, with the alias's column names replacing the first ones.
    func aliased(_ plan: LogicalPlan, qualifier: String?, alias: TableAlias?) throws -> BoundFrom {
        var scope = BindScope(columns: plan.columns, qualifier: alias?.name.name ?? qualifier)
        if let alias {
            guard alias.columns.count <= scope.entries.count else {
                throw PlanError(.binding, "alias \"\(alias.name.spelling)\" names \(alias.columns.count) columns but the table has \(scope.entries.count)",
                                at: alias.name.location)
            }
            for (index, column) in alias.columns.enumerated() { scope.entries[index].name = column.spelling }
        }
        return BoundFrom(plan: plan, scope: scope)
    }

    /// A `WITH` table, bound anew at each reference so that its columns get fresh ids.
    private func bindCommonTable(_ definition: CommonTableDefinition, alias: TableAlias?) throws -> BoundFrom {
        let table = definition.table
        let plan = try bindQuery(table.query, parent: definition.parent ?? BindFrame(parent: nil)).plan
        var bound = try aliased(plan, qualifier: table.name.name, alias: TableAlias(name: table.name, columns: table.columns))
        if let alias {
            bound.scope = BindScope(entries: bound.scope.entries.map { entry in
                var entry = entry
                entry.qualifier = alias.name.name
                return entry
            })
            guard alias.columns.count <= bound.scope.entries.count else {
                throw PlanError(.binding, "alias \"\(alias.name.spelling)\" names too many columns", at: alias.name.location)
            }
            for (index, column) in alias.columns.enumerated() { bound.scope.entries[index].name = column.spelling }
        }
        return bound
    }

    private func unknownTable(_ name: QualifiedName, frame: BindFrame) -> PlanError {
        var candidates = frame.commonTableNames
        if let listing = catalog as? any TableListing {
            candidates += listing.tableNames().map { $0.joined(separator: ".") }
        }
        let spelled = name.parts.map(\.name).joined(separator: ".")
        let suggestion = closestName(to: spelled, in: candidates) ?? name.base.flatMap { base in
            closestName(to: base.name, in: candidates)
        }
        let hint = suggestion.map { "; did you mean \"\($0)\"?" } ?? ""
        return PlanError(.binding, "table \"\(name.sql)\" does not exist\(hint)", at: name.parts.first?.location)
    }

    /// `VERSION AS OF n` or `TIMESTAMP AS OF '…'` as a catalog version.
    private func bindTimeTravel(_ timeTravel: TimeTravel) throws -> TableVersion {
        let context = ExpressionContext(frame: BindFrame(parent: nil), clause: "AS OF")
        switch timeTravel {
        case .version(let expression):
            guard case .literal(.int(let version), _) = try bind(expression, context), version >= 0 else {
                throw PlanError(.binding, "VERSION AS OF needs a non-negative integer constant, not \(expression.sql)")
            }
            return .version(version)
        case .timestamp(let expression):
            switch try bind(expression, context) {
            case .literal(.string(let text), _):
                if let micros = Temporal.parseTimestamp(Substring(text.trimmingSpaces)) { return .timestamp(micros) }
                if let days = Temporal.parseDate(Substring(text.trimmingSpaces)) { return .timestamp(try scaled(Int64(days), 86_400_000_000)) }
                throw PlanError(.type, "invalid timestamp '\(text)' in TIMESTAMP AS OF")
            case .literal(.timestamp(let value, let unit, _), _):
                if unit.perSecond >= 1_000_000 { return .timestamp(value / (unit.perSecond / 1_000_000)) }
                return .timestamp(try scaled(value, 1_000_000 / unit.perSecond))
            case .literal(.date(let days), _):
                return .timestamp(try scaled(Int64(days), 86_400_000_000))
            default:
                throw PlanError(.binding, "TIMESTAMP AS OF needs a timestamp constant, not \(expression.sql)")
            }
        }
    }

    private func scaled(_ value: Int64, _ factor: Int64) throws -> Int64 {
        let (result, overflow) = value.multipliedReportingOverflow(by: factor)
        guard !overflow else { throw PlanError(.type, "TIMESTAMP AS OF is out of range") }
        return result
    }

    /// `read_parquet('glob')`, `delta_scan('path', version => 12)`: constant arguments.
    private func bindTableFunction(_ name: QualifiedName, _ arguments: [FunctionArgument], alias: TableAlias?) throws -> BoundFrom {
        let context = ExpressionContext(frame: BindFrame(parent: nil), clause: "table function arguments")
        var positional: [Value] = []
        var named: [String: Value] = [:]
        for argument in arguments {
            let value = try constantValue(argument.value, context)
            if let argumentName = argument.name {
                named[argumentName.name] = value
            } else {
                positional.append(value)
            }
        }
        let functionName = name.base?.name ?? name.sql
        guard let source = try catalog.tableFunction(functionName, positional: positional, named: named) else {
            throw PlanError(.binding, "table function \(name.sql) does not exist", at: name.parts.first?.location)
        }
        return try scan(source, qualifier: functionName, alias: alias)
    }

    private func constantValue(_ expression: Expression, _ context: ExpressionContext) throws -> Value {
        if case .list(let elements) = expression {
            return .list(try elements.map { try constantValue($0, context) })
        }
        guard case .literal(let value, _) = try bind(expression, context) else {
            throw PlanError(.binding, "table function arguments must be constants, not \(expression.sql)")
        }
        return value
    }
}

/// A catalog that can list its tables, so that an unknown table name gets a suggestion.
public protocol TableListing {
    /// Every table name, as name parts (`["silver", "orders"]`).
    func tableNames() -> [[String]]
}
