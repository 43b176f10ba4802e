extension Parser {
    /// Parses `(args) [FILTER (WHERE ...)] [OVER ...]` after a function name.
    mutating func parseFunctionCall(_ name: QualifiedName) throws -> Expression {
        try expect(symbol: "(", "after the function name")
        var call = FunctionCall(name: name, arguments: [])
        if !current.isSymbol(")") {
            if consume("distinct") {
                call.isDistinct = true
            } else {
                consume("all")
            }
            call.arguments = try parseCommaList { try $0.parseFunctionArgument() }
            if consume(words: ["order", "by"]) {
                call.orderBy = try parseCommaList { try $0.parseOrderItem() }
            }
        }
        try expect(symbol: ")", "after the argument list")
        if consume("filter") {
            try expect(symbol: "(", "after FILTER")
            try expect("where", "in FILTER (WHERE ...)")
            call.filter = try parseExpression()
            try expect(symbol: ")", "after the FILTER condition")
        }
        if consume("over") {
            if current.kind == .identifier || current.kind == .quotedIdentifier {
                call.window = WindowSpecification(baseName: try parseIdentifier("a window name"))
            } else {
                try expect(symbol: "(", "after OVER")
                call.window = try parseWindowSpecification()
                try expect(symbol: ")", "after the window specification")
            }
        }
        return .function(call)
    }

    /// `value` or `name => value`.
    mutating func parseFunctionArgument() throws -> FunctionArgument {
        if atName, peek().isSymbol("=>") {
            let name = try parseIdentifier("an argument name")
            advance()
            return FunctionArgument(name: name, value: try parseExpression())
        }
        return FunctionArgument(value: try parseExpression())
    }

    /// The inside of `OVER (...)` or `WINDOW w AS (...)`.
    mutating func parseWindowSpecification() throws -> WindowSpecification {
        var specification = WindowSpecification()
        if atName, !current.isWord("partition"), !current.isWord("rows"), !current.isWord("range"), !current.isWord("groups") {
            specification.baseName = try parseIdentifier("a window name")
        }
        if consume(words: ["partition", "by"]) {
            specification.partitionBy = try parseCommaList { try $0.parseExpression() }
        }
        if consume(words: ["order", "by"]) {
            specification.orderBy = try parseCommaList { try $0.parseOrderItem() }
        }
        if let unit = WindowFrame.Unit(rawValue: current.value.uppercased()), current.kind == .identifier {
            advance()
            if consume("between") {
                let start = try parseFrameBound()
                try expect("and", "between the frame bounds")
                specification.frame = WindowFrame(unit: unit, start: start, end: try parseFrameBound())
            } else {
                specification.frame = WindowFrame(unit: unit, start: try parseFrameBound(), end: nil)
            }
        }
        return specification
    }

    private mutating func parseFrameBound() throws -> WindowFrame.Bound {
        if consume(words: ["unbounded", "preceding"]) { return .unboundedPreceding }
        if consume(words: ["unbounded", "following"]) { return .unboundedFollowing }
        if consume(words: ["current", "row"]) { return .currentRow }
        let offset = try parseExpression()
        if consume("preceding") { return .preceding(offset) }
        if consume("following") { return .following(offset) }
        throw unexpected("expected PRECEDING or FOLLOWING after the frame offset")
    }

    /// `expression [ASC|DESC] [NULLS FIRST|LAST]`.
    mutating func parseOrderItem() throws -> OrderItem {
        var item = OrderItem(try parseExpression())
        if consume("asc") {
            item.ascending = true
        } else if consume("desc") {
            item.ascending = false
        }
        if consume(words: ["nulls", "first"]) {
            item.nullsFirst = true
        } else if consume(words: ["nulls", "last"]) {
            item.nullsFirst = false
        }
        return item
    }
}
