import Foundation
import LodeCore

/// `regexp_matches`, `regexp_full_match`, `regexp_replace`, `regexp_extract` through
/// Foundation's `NSRegularExpression`, each distinct pattern compiled once.
enum RegexFunctions {
    static let factories: [String: ScalarKernels.Factory] = [
        "regexp_matches": { types, _ in
            let cache = RegexCache()
            return { args, count in
                try RowKernels.boolean(args, count) { rows, row in
                    let text = rows.string(0, row)
                    let regex = try cache.regex(rows.string(1, row), flags: types.count > 2 ? rows.string(2, row) : "")
                    return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                }
            }
        },
        "regexp_full_match": { types, _ in
            let cache = RegexCache()
            return { args, count in
                try RowKernels.boolean(args, count) { rows, row in
                    let text = rows.string(0, row)
                    let regex = try cache.regex(rows.string(1, row), flags: types.count > 2 ? rows.string(2, row) : "", anchored: true)
                    return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                }
            }
        },
        "regexp_replace": { types, _ in
            let cache = RegexCache()
            return { args, count in
                try RowKernels.text(args, count) { rows, row, out in
                    let text = rows.string(0, row)
                    let flags = types.count > 3 ? rows.string(3, row) : ""
                    let regex = try cache.regex(rows.string(1, row), flags: flags)
                    let template = RegexCache.template(rows.string(2, row))
                    let whole = NSRange(text.startIndex..., in: text)
                    let result: String
                    if flags.contains("g") {
                        result = regex.stringByReplacingMatches(in: text, range: whole, withTemplate: template)
                    } else if let match = regex.firstMatch(in: text, range: whole) {
                        let replaced = regex.replacementString(for: match, in: text, offset: 0, template: template)
                        result = (text as NSString).replacingCharacters(in: match.range, with: replaced)
                    } else {
                        result = text
                    }
                    out.append(contentsOf: result.utf8)
                    return true
                }
            }
        },
        "regexp_extract": { types, _ in
            let cache = RegexCache()
            return { args, count in
                try RowKernels.text(args, count) { rows, row, out in
                    let text = rows.string(0, row)
                    let regex = try cache.regex(rows.string(1, row), flags: types.count > 3 ? rows.string(3, row) : "")
                    let group = types.count > 2 ? Int(rows.int(2, row)) : 0
                    guard group >= 0, group <= regex.numberOfCaptureGroups else {
                        throw ExecutionError(.invalidInput, "regexp_extract group \(group) does not exist in the pattern")
                    }
                    if let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                       let range = Range(match.range(at: group), in: text) {
                        out.append(contentsOf: text[range].utf8)
                    }
                    return true
                }
            }
        },
    ]
}

/// Compiled regular expressions by pattern and flags, shared by the threads of a query.
final class RegexCache: @unchecked Sendable {
    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression] = [:]

    func regex(_ pattern: String, flags: String, anchored: Bool = false) throws -> NSRegularExpression {
        let key = flags + "\u{0}" + (anchored ? "^" : "") + pattern
        lock.lock()
        defer { lock.unlock() }
        if let found = compiled[key] { return found }
        var options: NSRegularExpression.Options = []
        for flag in flags {
            switch flag {
            case "i": options.insert(.caseInsensitive)
            case "c", "g": break
            case "s": options.insert(.dotMatchesLineSeparators)
            case "m", "n", "p": options.insert(.anchorsMatchLines)
            default: throw ExecutionError(.invalidInput, "unrecognized regular expression flag '\(flag)'")
            }
        }
        let source = anchored ? "^(?:\(pattern))$" : pattern
        let regex: NSRegularExpression
        do { regex = try NSRegularExpression(pattern: source, options: options) } catch {
            throw ExecutionError(.invalidInput, "invalid regular expression '\(pattern)'")
        }
        if compiled.count > 256 { compiled.removeAll() }
        compiled[key] = regex
        return regex
    }

    /// A DuckDB (RE2) replacement — `\1` for a group, `\\` for a backslash — as an
    /// `NSRegularExpression` template.
    static func template(_ replacement: String) -> String {
        var out = ""
        var chars = replacement.makeIterator()
        while let c = chars.next() {
            switch c {
            case "\\":
                guard let next = chars.next() else { out += "\\\\"; continue }
                if next.isNumber { out += "$\(next)" } else { out += "\\\(next)" }
            case "$": out += "\\$"
            default: out.append(c)
            }
        }
        return out
    }
}
