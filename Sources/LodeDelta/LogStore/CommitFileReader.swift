import LodeCore
import LodeStorage

/// Reads commit files (`%020d.json`, one action a line) into actions.
enum CommitFileReader {
    /// The actions of a commit file's bytes; blank lines are skipped. Errors name
    /// `file` and the 1-based line.
    static func actions(_ bytes: [UInt8], file: String) throws -> [DeltaAction] {
        var actions: [DeltaAction] = []
        try bytes.withUnsafeBytes { raw in
            var lineStart = 0
            var lineNumber = 1
            let count = raw.count
            while lineStart < count {
                var lineEnd = lineStart
                while lineEnd < count && raw[lineEnd] != 0x0A { lineEnd += 1 }
                var contentEnd = lineEnd
                if contentEnd > lineStart && raw[contentEnd - 1] == 0x0D { contentEnd -= 1 }
                let line = UnsafeRawBufferPointer(rebasing: raw[lineStart..<contentEnd])
                if !isBlank(line) {
                    do {
                        actions.append(try DeltaAction(jsonLine: line))
                    } catch let error as DeltaError {
                        throw DeltaError(.corruptLog, "\(file) line \(lineNumber): \(error.message)")
                    }
                }
                lineStart = lineEnd + 1
                lineNumber += 1
            }
        }
        return actions
    }

    /// The `commitInfo` of a commit file, parsing only lines that start with it.
    static func commitInfo(_ bytes: [UInt8], file: String) throws -> CommitInfo? {
        let marker = Array(#"{"commitInfo""#.utf8)
        return try bytes.withUnsafeBytes { raw -> CommitInfo? in
            var lineStart = 0
            var lineNumber = 1
            while lineStart < raw.count {
                var lineEnd = lineStart
                while lineEnd < raw.count && raw[lineEnd] != 0x0A { lineEnd += 1 }
                var start = lineStart
                while start < lineEnd && (raw[start] == 0x20 || raw[start] == 0x09) { start += 1 }
                if lineEnd - start >= marker.count, marker.indices.allSatisfy({ raw[start + $0] == marker[$0] }) {
                    do {
                        if case .commitInfo(let info) = try DeltaAction(jsonLine: UnsafeRawBufferPointer(rebasing: raw[start..<lineEnd])) {
                            return info
                        }
                    } catch let error as DeltaError {
                        throw DeltaError(.corruptLog, "\(file) line \(lineNumber): \(error.message)")
                    }
                }
                lineStart = lineEnd + 1
                lineNumber += 1
            }
            return nil
        }
    }

    private static func isBlank(_ line: UnsafeRawBufferPointer) -> Bool {
        for byte in line where byte != 0x20 && byte != 0x09 { return false }
        return true
    }
}

extension DeltaLogPaths {
    /// Reads a log object, mapping storage errors to ``DeltaError``.
    func read(_ path: String, from store: any ObjectStore, version: Int64? = nil) throws -> [UInt8] {
        do {
            return try store.get(path)
        } catch let error as StorageError where error.kind == .notFound {
            throw DeltaError(.corruptLog, "\(path) is missing", table: displayName, version: version)
        } catch {
            throw DeltaError(.io, "cannot read \(path): \(error)", table: displayName, version: version)
        }
    }
}
