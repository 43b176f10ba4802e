import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands file name patterns on the local filesystem: `*` and `?` within one path
/// component, `[abc]` sets, and `**` for any number of folders (none included; a
/// final `**` matches every file below).
///
/// ```swift
/// let files = try FileGlob.expand("lake/raw/**/*.parquet")   // sorted paths
/// ```
///
/// Names starting with `.` match only a pattern that spells the dot. A pattern without
/// wildcards names one file, which must exist.
public enum FileGlob {
    /// Whether `text` holds a wildcard.
    public static func isPattern(_ text: String) -> Bool {
        text.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// The regular files `pattern` matches, sorted; throws naming the pattern when none does.
    public static func expand(_ pattern: String) throws -> [String] {
        guard !pattern.isEmpty else { throw EngineError(.invalidArgument, "empty file name or pattern") }
        guard isPattern(pattern) else {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: pattern, isDirectory: &isFolder) else {
                throw EngineError(.io, "no such file: \(pattern)")
            }
            if isFolder.boolValue {
                throw EngineError(.invalidArgument, "\(pattern) is a folder; name its files, e.g. '\(pattern)/*.parquet'")
            }
            return [pattern]
        }
        let absolute = pattern.hasPrefix("/")
        let components = pattern.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        var fixed = absolute ? "/" : ""
        var index = 0
        while index < components.count - 1, !isPattern(components[index]) {
            fixed += (fixed.isEmpty || fixed == "/" ? "" : "/") + components[index]
            index += 1
        }
        var matches: [String] = []
        walk(fixed, Array(components[index...]), into: &matches)
        guard !matches.isEmpty else { throw EngineError(.io, "no files match '\(pattern)'") }
        return Array(Set(matches)).sorted()
    }

    /// Adds to `matches` the files under `folder` that `rest` matches.
    private static func walk(_ folder: String, _ rest: [String], into matches: inout [String]) {
        guard let first = rest.first else { return }
        let remaining = Array(rest.dropFirst())
        if first == "**" {
            if !remaining.isEmpty { walk(folder, remaining, into: &matches) }
            for name in entries(folder) where !name.hasPrefix(".") {
                let path = join(folder, name)
                if isFolder(path) {
                    walk(path, rest, into: &matches)
                } else if remaining.isEmpty, isRegularFile(path) {
                    matches.append(path)
                }
            }
            return
        }
        if !isPattern(first) {
            let path = join(folder, first)
            if remaining.isEmpty {
                if isRegularFile(path) { matches.append(path) }
            } else if isFolder(path) {
                walk(path, remaining, into: &matches)
            }
            return
        }
        for name in entries(folder) where fnmatch(first, name, FNM_PERIOD) == 0 {
            let path = join(folder, name)
            if remaining.isEmpty {
                if isRegularFile(path) { matches.append(path) }
            } else if isFolder(path) {
                walk(path, remaining, into: &matches)
            }
        }
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    private static func entries(_ folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
    }

    private static func isFolder(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }

    private static func isRegularFile(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && !flag.boolValue
    }

    /// Every file the patterns match, in pattern order, each pattern's matches sorted.
    static func expand(_ patterns: [String]) throws -> [String] {
        guard !patterns.isEmpty else { throw EngineError(.invalidArgument, "no files given") }
        var seen = Set<String>()
        var files: [String] = []
        for pattern in patterns {
            for file in try expand(pattern) where seen.insert(file).inserted { files.append(file) }
        }
        return files
    }
}
