import Foundation
import LodeSQL

/// Walks the text of a model file over its MODEL block and EXPECT rules, remembering what
/// it consumed so the query can be parsed with those parts blanked out.
struct ModelTextScanner {
    let text: [Unicode.Scalar]
    let file: String
    var position = 0
    /// Ranges consumed by the MODEL block and rules.
    private var consumed: [Range<Int>] = []

    init(text: [Unicode.Scalar], file: String) {
        self.text = text
        self.file = file
    }

    var lineOfRest: Int { line(at: position) }

    func line(at offset: Int) -> Int { 1 + text[..<min(offset, text.count)].filter { $0 == "\n" }.count }

    func error(_ message: String, at offset: Int? = nil) -> PipelineError {
        PipelineError(.model, message, file: file, line: line(at: offset ?? position))
    }

    /// Skips spaces and `--` / `/* */` comments.
    mutating func skipTrivia() {
        while position < text.count {
            let c = text[position]
            if c.properties.isWhitespace { position += 1; continue }
            if c == "-", position + 1 < text.count, text[position + 1] == "-" {
                while position < text.count, text[position] != "\n" { position += 1 }
                continue
            }
            if c == "/", position + 1 < text.count, text[position + 1] == "*" {
                position += 2
                while position + 1 < text.count, !(text[position] == "*" && text[position + 1] == "/") { position += 1 }
                position = min(text.count, position + 2)
                continue
            }
            return
        }
    }

    func peekWord() -> String? {
        var end = position
        while end < text.count, isWordCharacter(text[end]) { end += 1 }
        return end > position ? String(String.UnicodeScalarView(text[position..<end])) : nil
    }

    mutating func word() -> String? {
        guard let w = peekWord() else { return nil }
        position += w.unicodeScalars.count
        return w
    }

    mutating func expect(_ scalar: Unicode.Scalar, _ what: String) throws {
        skipTrivia()
        guard position < text.count, text[position] == scalar else {
            throw error("expected '\(scalar)' \(what)")
        }
        position += 1
    }

    /// The text between a `(` at the current position and its matching `)`, skipping
    /// quoted strings; the position ends after the `)`.
    mutating func parenthesized(_ what: String) throws -> (text: String, start: Int) {
        skipTrivia()
        let open = position
        guard position < text.count, text[position] == "(" else { throw error("expected '(' \(what)") }
        var depth = 0
        while position < text.count {
            let c = text[position]
            if c == "'" || c == "\"" {
                position += 1
                while position < text.count, text[position] != c { position += 1 }
            } else if c == "(" {
                depth += 1
            } else if c == ")" {
                depth -= 1
                if depth == 0 {
                    position += 1
                    return (String(String.UnicodeScalarView(text[(open + 1)..<(position - 1)])), open + 1)
                }
            }
            position += 1
        }
        throw error("unclosed '(' \(what)", at: open)
    }

    /// `MODEL ( key value, ... ) [;]`.
    mutating func modelBlock() throws -> [ModelProperty] {
        let start = position
        _ = word()
        let (inner, innerStart) = try parenthesized("after MODEL")
        skipTrivia()
        if position < text.count, text[position] == ";" { position += 1 }
        consumed.append(start..<position)
        return try ModelProperty.parseList(Array(inner.unicodeScalars), offset: innerStart, scanner: self)
    }

    /// `EXPECT [name] (condition) ON VIOLATION action [;]`.
    mutating func expectation(index: Int) throws -> Expectation {
        let start = position
        _ = word()
        skipTrivia()
        var name = "expectation_\(index)"
        if let w = peekWord() {
            name = w
            position += w.unicodeScalars.count
        }
        let (condition, conditionStart) = try parenthesized("around the EXPECT condition")
        let expression: LodeSQL.Expression
        do { expression = try SQL.parseExpression(condition) } catch let e as SQLError {
            throw PipelineError(.model, "in EXPECT \(name): \(e.message)", file: file, line: line(at: conditionStart) + e.line - 1)
        }
        var words: [String] = []
        while true {
            skipTrivia()
            guard let w = word() else { break }
            words.append(w.lowercased())
        }
        skipTrivia()
        if position < text.count, text[position] == ";" { position += 1 }
        consumed.append(start..<position)
        let actions: [String: Expectation.Action] = ["warn": .warn, "drop row": .dropRow, "quarantine": .quarantine, "fail": .fail]
        guard words.count >= 3, words[0] == "on", words[1] == "violation",
              let action = actions[words.dropFirst(2).joined(separator: " ")] else {
            throw error("EXPECT \(name) must end with ON VIOLATION WARN | DROP ROW | QUARANTINE | FAIL", at: start)
        }
        return Expectation(name: name, condition: condition.trimmingCharacters(in: .whitespacesAndNewlines),
                           expression: expression, action: action, line: line(at: start))
    }

    /// The whole text with consumed parts replaced by spaces (newlines kept).
    func blankedText() -> String {
        var scalars = text
        for range in consumed {
            for i in range where scalars[i] != "\n" { scalars[i] = " " }
        }
        return String(String.UnicodeScalarView(scalars))
    }
}

func isWordCharacter(_ c: Unicode.Scalar) -> Bool {
    c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "_"
}
