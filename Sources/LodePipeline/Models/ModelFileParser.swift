import Foundation
import LodeSQL

/// Reads a model file: an optional `MODEL (...)` block, `EXPECT` rules, then one query.
///
/// The MODEL block and the rules are blanked out (newlines kept) before the rest is parsed
/// as SQL, so SQL errors point at the file's own lines and columns.
public enum ModelFileParser {
    public static func parse(_ text: String, file: String, layer: String, name: String) throws -> ModelDefinition {
        var scanner = ModelTextScanner(text: Array(text.unicodeScalars), file: file)
        var properties: [ModelProperty] = []
        var expectations: [Expectation] = []
        scanner.skipTrivia()
        if scanner.peekWord()?.lowercased() == "model" {
            properties = try scanner.modelBlock()
            scanner.skipTrivia()
        }
        while scanner.peekWord()?.lowercased() == "expect" {
            expectations.append(try scanner.expectation(index: expectations.count + 1))
            scanner.skipTrivia()
        }
        let body = scanner.blankedText()
        let statements: [Statement]
        do { statements = try SQL.parseScript(body) } catch let error as SQLError {
            throw PipelineError(.model, "\(error.kind.rawValue) error: \(error.message)", file: file, line: error.line,
                                column: error.column)
        }
        guard statements.count == 1, case .query(let query) = statements[0] else {
            throw PipelineError(.model, "a model holds exactly one SELECT query (found \(statements.count) statement\(statements.count == 1 ? " that is not a query" : "s"))",
                                file: file, line: scanner.lineOfRest)
        }
        var model = ModelDefinition(layer: layer, name: name, file: file, kind: .full, tags: [], partitionedBy: [], grain: [],
                                    cron: nil, description: nil, expectations: expectations,
                                    sql: String(body[..<(body.lastIndex { !$0.isWhitespace }.map(body.index(after:)) ?? body.startIndex)]), query: query,
                                    dependencies: query.tableReferences().sorted())
        try ModelProperty.apply(properties, to: &model)
        return model
    }
}
