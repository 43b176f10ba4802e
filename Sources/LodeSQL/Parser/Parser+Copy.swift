extension Parser {
    /// `COPY (query) TO 'file' [(options)]` or `COPY table [(columns)] TO|FROM 'file' [(options)]`.
    mutating func parseCopy() throws -> Copy {
        try expect("copy", "")
        let source: Copy.Source
        if consume(symbol: "(") {
            let query = try parseQuery()
            try expect(symbol: ")", "after the query to copy")
            source = .query(query)
        } else {
            let name = try parseQualifiedName("a table name or '(' with a query")
            var columns: [Identifier] = []
            if current.isSymbol("(") { columns = try parseIdentifierList("column names") }
            source = .table(name, columns: columns)
        }
        let isExport: Bool
        if consume("to") {
            isExport = true
        } else if consume("from") {
            guard case .table = source else { throw unexpected("expected TO after the query to copy") }
            isExport = false
        } else {
            throw unexpected("expected TO or FROM in COPY")
        }
        guard current.kind == .string else { throw unexpected("expected a quoted file path") }
        let path = current.value
        advance()
        var options: [CopyOption] = []
        if consume(symbol: "(") {
            options = try parseCommaList { try $0.parseCopyOption() }
            try expect(symbol: ")", "after the COPY options")
        }
        return Copy(isExport: isExport, source: source, path: path, options: options)
    }

    private mutating func parseCopyOption() throws -> CopyOption {
        guard current.kind == .identifier || current.kind == .keyword || current.kind == .quotedIdentifier else {
            throw unexpected("expected an option name")
        }
        let name = current.kind == .quotedIdentifier ? Identifier(current.value, quoted: true) : Identifier(current.text)
        advance()
        if current.isSymbol(",") || current.isSymbol(")") { return CopyOption(name: name, value: nil) }
        consume(symbol: "=")
        if current.kind == .identifier {
            let word = Identifier(current.text)
            advance()
            return CopyOption(name: name, value: .column(QualifiedName([word])))
        }
        return CopyOption(name: name, value: try parseExpression())
    }
}
