extension Statement {
    /// The statement as SQL on one line, without a trailing `;`.
    public var sql: String {
        switch self {
        case .query(let query): return query.sql
        case .createTable(let create): return create.sql
        case .insert(let insert):
            let columns = insert.columns.isEmpty ? "" : " (" + insert.columns.map(\.sql).joined(separator: ", ") + ")"
            return "INSERT INTO \(insert.table.sql)\(columns) \(insert.source.sql)"
        case .update(let update):
            var text = "UPDATE \(update.table.sql)"
            if let alias = update.alias { text += " AS " + alias.sql }
            text += " SET " + update.assignments.map(\.sql).joined(separator: ", ")
            if !update.from.isEmpty { text += " FROM " + update.from.map(\.sql).joined(separator: ", ") }
            if let condition = update.whereClause { text += " WHERE " + condition.sql }
            return text
        case .delete(let delete):
            var text = "DELETE FROM \(delete.table.sql)"
            if let alias = delete.alias { text += " AS " + alias.sql }
            if let condition = delete.whereClause { text += " WHERE " + condition.sql }
            return text
        case .merge(let merge): return merge.sql
        case .dropTable(let drop):
            return "DROP TABLE " + (drop.ifExists ? "IF EXISTS " : "") + drop.names.map(\.sql).joined(separator: ", ")
        case .explain(let statement, let analyze):
            return "EXPLAIN " + (analyze ? "ANALYZE " : "") + statement.sql
        case .copy(let copy): return copy.sql
        }
    }
}

extension CreateTable {
    var sql: String {
        var text = "CREATE " + (orReplace ? "OR REPLACE " : "") + "TABLE " + (ifNotExists ? "IF NOT EXISTS " : "") + name.sql
        if !columns.isEmpty { text += " (" + columns.map(\.sql).joined(separator: ", ") + ")" }
        if let query { text += " AS " + query.sql }
        return text
    }
}

extension ColumnDefinition {
    var sql: String {
        var text = "\(name.sql) \(type.sql)"
        if let nullable { text += nullable ? " NULL" : " NOT NULL" }
        if let defaultValue { text += " DEFAULT " + defaultValue.operandSQL }
        if isPrimaryKey { text += " PRIMARY KEY" }
        return text
    }
}

extension Assignment {
    var sql: String { "\(column.sql) = \(value.sql)" }
}

extension Merge {
    var sql: String {
        var text = "MERGE INTO \(target.sql)"
        if let targetAlias { text += " AS " + targetAlias.sql }
        text += " USING \(source.sql) ON \(condition.sql)"
        for clause in clauses {
            switch clause.match {
            case .matched: text += " WHEN MATCHED"
            case .notMatched: text += " WHEN NOT MATCHED"
            case .notMatchedBySource: text += " WHEN NOT MATCHED BY SOURCE"
            }
            if let condition = clause.condition { text += " AND " + condition.sql }
            text += " THEN "
            switch clause.action {
            case .update(let assignments): text += "UPDATE SET " + assignments.map(\.sql).joined(separator: ", ")
            case .updateAll: text += "UPDATE SET *"
            case .delete: text += "DELETE"
            case .insert(let columns, let values):
                text += "INSERT "
                if !columns.isEmpty { text += "(" + columns.map(\.sql).joined(separator: ", ") + ") " }
                text += "VALUES (" + values.map(\.sql).joined(separator: ", ") + ")"
            case .insertAll: text += "INSERT *"
            case .doNothing: text += "DO NOTHING"
            }
        }
        return text
    }
}

extension Copy {
    var sql: String {
        var text = "COPY "
        switch source {
        case .query(let query): text += "(\(query.sql))"
        case .table(let name, let columns):
            text += name.sql
            if !columns.isEmpty { text += " (" + columns.map(\.sql).joined(separator: ", ") + ")" }
        }
        text += (isExport ? " TO " : " FROM ") + quotedString(path)
        if !options.isEmpty {
            text += " (" + options.map { option in
                option.value.map { "\(option.name.sql) \($0.sql)" } ?? option.name.sql
            }.joined(separator: ", ") + ")"
        }
        return text
    }
}
