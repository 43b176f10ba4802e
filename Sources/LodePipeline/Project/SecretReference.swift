import Foundation

/// Replaces `${env:NAME}` and `${file:PATH}` references in config values.
///
/// Secrets never appear in project files: a value holding a reference is resolved when
/// the project loads, from the environment or from a file (trailing newline removed).
struct SecretResolver {
    let environment: [String: String]
    let root: String

    func resolve(_ text: String, at node: YAMLNode) throws -> String {
        var result = ""
        var rest = Substring(text)
        while let open = rest.range(of: "${") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                throw node.error("unclosed '${' in '\(node.path)'")
            }
            let reference = rest[open.upperBound..<close]
            result += try value(of: reference, at: node)
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    private func value(of reference: Substring, at node: YAMLNode) throws -> String {
        let parts = reference.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw node.error("'${\(reference)}' in '\(node.path)' must be ${env:NAME} or ${file:PATH}")
        }
        switch parts[0] {
        case "env":
            guard let value = environment[parts[1]] else {
                throw node.error("environment variable \(parts[1]) is not set (needed by '\(node.path)')")
            }
            return value
        case "file":
            let path = parts[1].hasPrefix("/") ? parts[1] : (root as NSString).appendingPathComponent(parts[1])
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw node.error("cannot read secret file \(path) (needed by '\(node.path)')")
            }
            return text.hasSuffix("\n") ? String(text.dropLast()) : text
        default:
            throw node.error("unknown reference kind '\(parts[0])' in '\(node.path)'; use ${env:NAME} or ${file:PATH}")
        }
    }
}
