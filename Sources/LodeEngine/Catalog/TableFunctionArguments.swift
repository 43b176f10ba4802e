import LodeCore
import LodeFormats

/// The constant arguments of a table function call, read by name with type checks;
/// each error names the function and the argument.
struct TableFunctionArguments {
    let function: String
    let positional: [Value]
    private var named: [String: Value]
    private var read: [String] = []

    init(_ function: String, positional: [Value], named: [String: Value]) {
        self.function = function
        self.positional = positional
        var lowered: [String: Value] = [:]
        for (key, value) in named { lowered[key.lowercased()] = value }
        self.named = lowered
    }

    /// The file names or patterns of the first argument: a string or a list of strings.
    func paths() throws -> [String] {
        guard positional.count == 1 else {
            throw error("takes one file name, pattern or list of them, then named options (name => value); got \(positional.count) positional arguments")
        }
        switch positional[0] {
        case .string(let path): return [path]
        case .list(let items) where !items.isEmpty:
            return try items.map { item in
                guard case .string(let path) = item else { throw error("the list of files holds \(item), which is not a string") }
                return path
            }
        default:
            throw error("the first argument must be a file name, a pattern or a list of them, not \(positional[0])")
        }
    }

    mutating func value(_ key: String) -> Value? {
        read.append(key)
        guard let value = named[key], !value.isNull else { return nil }
        return value
    }

    mutating func bool(_ key: String) throws -> Bool? {
        guard let value = value(key) else { return nil }
        switch value {
        case .boolean(let b): return b
        case .int(let i) where i == 0 || i == 1: return i == 1
        case .string(let s) where ["true", "false"].contains(s.lowercased()): return s.lowercased() == "true"
        default: throw error("\(key) must be true or false, not \(value)")
        }
    }

    mutating func string(_ key: String) throws -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let s) = value else { throw error("\(key) must be a string, not \(value)") }
        return s
    }

    mutating func int(_ key: String) throws -> Int64? {
        guard let value = value(key) else { return nil }
        guard case .int(let i) = value else { throw error("\(key) must be an integer, not \(value)") }
        return i
    }

    /// A single character option (`delim => ';'`); `''` gives `nil` when `allowsNone`.
    mutating func character(_ key: String, allowsNone: Bool = false) throws -> Character?? {
        guard let text = try string(key) else { return .none }
        if text.isEmpty && allowsNone { return .some(nil) }
        let resolved = text == "\\t" ? "\t" : text
        guard resolved.count == 1, let character = resolved.first, character.isASCII else {
            throw error("\(key) must be one ASCII character, not '\(text)'")
        }
        return .some(character)
    }

    /// Throws for a named argument none of the readers asked for.
    func checkAllRead() throws {
        let unknown = named.keys.filter { !read.contains($0) }.sorted()
        guard unknown.isEmpty else {
            let known = Array(Set(read)).sorted().joined(separator: ", ")
            throw error("unknown option\(unknown.count > 1 ? "s" : "") \(unknown.joined(separator: ", ")); it takes \(known)")
        }
    }

    func error(_ message: String) -> EngineError {
        EngineError(.invalidArgument, "\(function): \(message)")
    }
}
