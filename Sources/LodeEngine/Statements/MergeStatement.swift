import LodeCore
import LodeSQL

extension Session {
    /// `MERGE INTO layer.t USING source ON cond WHEN [NOT] MATCHED [BY SOURCE] [AND c] THEN …`.
    ///
    /// Runs as one query: the source (tagged with a marker column) joined to the target
    /// (with its row ids) — inner, left (source kept) when a `NOT MATCHED` clause inserts,
    /// full when a `NOT MATCHED BY SOURCE` clause exists. Each joined row takes the first
    /// clause whose kind and condition apply; a `CASE` over the same arms computes each
    /// column's new value. Touched target files are rewritten and inserts appended in
    /// one commit. A target row that more than one source row would update or delete is
    /// an error, as in Delta Lake. Returns the rows inserted, updated and deleted.
    func merge(_ merge: Merge) throws -> QueryResult {
        let table = try lakeTable(merge.target)
        let snapshot = try table.snapshot()
        let fields = snapshot.schema.fields
        let names = fields.map(\.name)
        let targetAlias = merge.targetAlias ?? merge.target.base ?? Identifier(Syntax.targetTable)
        let sourceAlias = try mergeSourceAlias(merge.source)
        let targetPresent = Expression.isNull(Syntax.column(DeltaRowSource.rowColumn, of: targetAlias), negated: true)
        let sourcePresent = Expression.isNull(Syntax.column(Syntax.sourceMarker, of: sourceAlias), negated: true)
        let hasBySource = merge.clauses.contains { $0.match == .notMatchedBySource }
        let hasNotMatched = merge.clauses.contains { $0.match == .notMatched }

        var arms: [Expression] = []
        var values: [[Expression?]] = []
        for clause in merge.clauses {
            let kind: Expression
            switch clause.match {
            case .matched: kind = .binary(targetPresent, .and, sourcePresent)
            case .notMatched: kind = .binary(sourcePresent, .and, .unary(.not, targetPresent))
            case .notMatchedBySource: kind = .binary(targetPresent, .and, .unary(.not, sourcePresent))
            }
            arms.append(Syntax.and(kind, clause.condition))
            values.append(try mergeValues(clause, names: names, target: targetAlias, source: sourceAlias, table: table.name))
        }
        guard !arms.isEmpty else { return .count(0) }

        var items = [SelectItem(Syntax.column(DeltaRowSource.fileColumn, of: targetAlias)),
                     SelectItem(Syntax.column(DeltaRowSource.rowColumn, of: targetAlias)),
                     SelectItem(.caseWhen(operand: nil, branches: arms.enumerated().map {
                         WhenBranch(condition: $1, result: .literal(.integer(String($0))))
                     }, otherwise: nil))]
        for column in fields.indices {
            items.append(SelectItem(.caseWhen(operand: nil, branches: arms.indices.map {
                WhenBranch(condition: arms[$0], result: values[$0][column] ?? .literal(.null))
            }, otherwise: nil)))
        }
        let source = TableReference.subquery(
            Syntax.select([SelectItem(.star(qualifier: nil)),
                           SelectItem(.literal(.boolean(true)), alias: Identifier(Syntax.sourceMarker, quoted: true))],
                          from: [merge.source]),
            lateral: false, alias: TableAlias(name: sourceAlias))
        let joinKind: JoinKind = hasBySource ? .full : hasNotMatched ? .left : .inner
        let from = TableReference.join(source, joinKind, Syntax.target(alias: targetAlias), .on(merge.condition))
        let query = Syntax.select(items, from: [from], where: Syntax.or(arms))

        let target = DeltaRowSource(snapshot: snapshot, name: table.name)
        let outputFields = [Field(DeltaRowSource.fileColumn, .int32), Field(DeltaRowSource.rowColumn, .int64),
                            Field("__lode_clause", .int32)] + fields
        let prepared = try prepare(query, tables: [Syntax.targetTable: target]) { plan, ids in
            plan.casting(Array(0..<outputFields.count), to: outputFields, ids: ids)
        }
        let result = try prepared.collect()
        var rewrite = TableRewrite(table: table, target: target)
        let valueColumns = Array(3..<outputFields.count)
        for batch in result.batches {
            let ids = batch.rowIDs(fileColumn: 0, rowColumn: 1)
            var updated: [RowID] = []
            var updatedRows: [Int] = []
            var insertedRows: [Int] = []
            for row in 0..<batch.count {
                guard case .int(let index) = batch.columns[2].value(at: row), index >= 0, index < merge.clauses.count else { continue }
                switch merge.clauses[Int(index)].action {
                case .update, .updateAll:
                    guard let id = ids[row] else { continue }
                    updated.append(id)
                    updatedRows.append(row)
                case .delete:
                    guard let id = ids[row] else { continue }
                    if !rewrite.delete(file: id.file, row: id.row) { throw multipleMatches(table.name) }
                case .insert, .insertAll:
                    insertedRows.append(row)
                case .doNothing:
                    continue
                }
            }
            if try rewrite.replace(updated, with: batch.take(updatedRows).project(valueColumns)) != nil {
                throw multipleMatches(table.name)
            }
            try rewrite.insert(batch.take(insertedRows).project(valueColumns))
        }
        try rewrite.commit(operation: "MERGE", predicate: merge.condition.sql)
        return .count(rewrite.deletedCount + rewrite.replacedCount + rewrite.insertedCount)
    }

    private func multipleMatches(_ table: String) -> EngineError {
        EngineError(.invalidArgument, "MERGE: a row of \(table) matched more than one source row that would update or "
                    + "delete it; make the ON condition match at most one source row per target row")
    }

    /// The name the source is known by inside the MERGE.
    private func mergeSourceAlias(_ source: TableReference) throws -> Identifier {
        switch source {
        case .table(let name, _, let alias), .function(let name, _, let alias):
            if let alias { return alias.name }
            if let base = name.base { return base }
        case .subquery(_, _, let alias):
            if let alias { return alias.name }
            throw EngineError(.invalidArgument, "MERGE: give the source subquery an alias (USING (SELECT …) AS s)")
        case .join:
            break
        }
        throw EngineError(.invalidArgument, "MERGE: the source must be one table, table function or aliased subquery; "
                          + "wrap a join in (SELECT …) AS s")
    }

    /// The value each table column takes under `clause`; `nil` for NULL (or no row change).
    private func mergeValues(_ clause: MergeClause, names: [String], target: Identifier, source: Identifier,
                             table: String) throws -> [Expression?] {
        switch clause.action {
        case .update(let assignments):
            var values: [Expression?] = names.map { Syntax.column($0, of: target) }
            var seen = Set<Int>()
            for assignment in assignments {
                guard let index = Syntax.fieldIndex(of: assignment.column, in: names) else {
                    throw EngineError(.invalidArgument, "MERGE: table \(table) has no column \(assignment.column.sql)")
                }
                guard seen.insert(index).inserted else {
                    throw EngineError(.invalidArgument, "MERGE: column \(names[index]) is assigned more than once")
                }
                values[index] = assignment.value
            }
            return values
        case .updateAll, .insertAll:
            return names.map { Syntax.column($0, of: source) }
        case .insert(let columns, let given):
            let targets = columns.isEmpty ? names.map { Identifier($0, quoted: true) } : columns
            guard targets.count == given.count else {
                throw EngineError(.invalidArgument, "MERGE: INSERT names \(targets.count) columns but gives \(given.count) values")
            }
            var values: [Expression?] = Array(repeating: nil, count: names.count)
            for (column, value) in zip(targets, given) {
                guard let index = Syntax.fieldIndex(of: column, in: names) else {
                    throw EngineError(.invalidArgument, "MERGE: table \(table) has no column \(column.sql)")
                }
                guard values[index] == nil else {
                    throw EngineError(.invalidArgument, "MERGE: column \(names[index]) is inserted more than once")
                }
                values[index] = value
            }
            return values
        case .delete, .doNothing:
            return Array(repeating: nil, count: names.count)
        }
    }
}
