/// What a file directly under `_delta_log/` is, by its name (PROTOCOL.md §Delta Log Entries, §Checkpoints).
enum LogFileName: Hashable, Sendable {
    /// `%020d.json`
    case commit(Int64)
    /// `%020d.checkpoint.parquet`
    case checkpoint(Int64)
    /// `%020d.checkpoint.%010d.%010d.parquet`: part `part` of `parts`.
    case checkpointPart(Int64, part: Int, parts: Int)
    /// `%020d.checkpoint.<uuid>.json|parquet`: a V2 checkpoint.
    case checkpointV2(Int64)
    /// `_last_checkpoint`
    case lastCheckpoint
    /// `.crc`, `*.tmp`, `*.compacted.json` and anything else a reader skips.
    case ignored

    init(_ name: Substring) {
        if name == "_last_checkpoint" { self = .lastCheckpoint; return }
        let utf8 = Array(name.utf8)
        guard utf8.count > 21, let version = LogFileName.version(utf8[0..<20]), utf8[20] == UInt8(ascii: ".") else {
            self = .ignored
            return
        }
        let rest = name.utf8.dropFirst(21)
        let suffix = Substring(rest)
        if suffix == "json" { self = .commit(version); return }
        guard suffix.hasPrefix("checkpoint.") else { self = .ignored; return }
        let tail = suffix.dropFirst("checkpoint.".count)
        if tail == "parquet" { self = .checkpoint(version); return }
        let pieces = tail.split(separator: ".", omittingEmptySubsequences: false)
        if pieces.count == 3, pieces[2] == "parquet", pieces[0].utf8.count == 10, pieces[1].utf8.count == 10,
           let part = Int(pieces[0]), let parts = Int(pieces[1]), parts >= 1, (1...parts).contains(part) {
            self = .checkpointPart(version, part: part, parts: parts)
            return
        }
        if pieces.count == 2, pieces[1] == "parquet" || pieces[1] == "json", !pieces[0].isEmpty {
            self = .checkpointV2(version)
            return
        }
        self = .ignored
    }

    /// Twenty ASCII digits as a version.
    static func version(_ digits: ArraySlice<UInt8>) -> Int64? {
        var value: Int64 = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
            guard !o1, !o2 else { return nil }
            value = next
        }
        return value
    }

    /// `version` zero-padded to twenty digits.
    static func padded(_ version: Int64) -> String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits
    }
}

/// Paths of a table's log and data files inside its object store.
public struct DeltaLogPaths: Hashable, Sendable {
    /// The table's folder in the store (`""` for the store's root).
    public let tableRoot: String
    /// Where the table lives outside the store (an absolute path or URI), used to
    /// resolve data file paths written as absolute URIs.
    public let tableLocation: String?

    public init(tableRoot: String, tableLocation: String? = nil) {
        self.tableRoot = trimmedSlashes(tableRoot)
        self.tableLocation = tableLocation.map(trimmedSlashes)
    }

    /// `_delta_log/`, under the table root.
    public var logPrefix: String { tableRoot.isEmpty ? "_delta_log/" : tableRoot + "/_delta_log/" }

    /// The commit file of `version`, e.g. `_delta_log/00000000000000000003.json`.
    public func commit(_ version: Int64) -> String { logPrefix + LogFileName.padded(version) + ".json" }

    /// The classic single-file checkpoint of `version`.
    public func checkpoint(_ version: Int64) -> String { logPrefix + LogFileName.padded(version) + ".checkpoint.parquet" }

    /// Part `part` (1-based) of a `parts`-part checkpoint of `version`.
    public func checkpoint(_ version: Int64, part: Int, of parts: Int) -> String {
        func ten(_ n: Int) -> String { String(repeating: "0", count: max(0, 10 - String(n).count)) + String(n) }
        return logPrefix + LogFileName.padded(version) + ".checkpoint.\(ten(part)).\(ten(parts)).parquet"
    }

    public var lastCheckpoint: String { logPrefix + "_last_checkpoint" }

    /// The store path of a data file named by an add's `path`: URI-decoded exactly
    /// once and, when relative, under the table root. An absolute URI resolves when
    /// it points inside ``tableLocation`` (`file:///data/t/x.parquet` for a table at
    /// `/data/t`); otherwise the result is `nil`.
    public func dataFile(_ addPath: String) -> String? {
        let decoded = percentDecoded(addPath)
        guard let scheme = addPath.range(of: ":"), !addPath[..<scheme.lowerBound].contains("/"),
              addPath[..<scheme.lowerBound].count > 1 else {
            return tableRoot.isEmpty ? decoded : tableRoot + "/" + decoded
        }
        guard let location = tableLocation else { return nil }
        var absolute = Substring(decoded)
        if absolute.hasPrefix("file://") { absolute = absolute.dropFirst("file://".count) }
        else if absolute.hasPrefix("file:") { absolute = absolute.dropFirst("file:".count) }
        var base = Substring(location)
        if base.hasPrefix("file://") { base = base.dropFirst("file://".count) }
        guard absolute.hasPrefix(base + "/") else { return nil }
        let relative = absolute.dropFirst(base.count + 1)
        return tableRoot.isEmpty ? String(relative) : tableRoot + "/" + relative
    }
}

private func trimmedSlashes(_ text: String) -> String {
    var text = Substring(text)
    while text.count > 1, text.hasSuffix("/") { text.removeLast() }
    return String(text)
}

/// `text` with `%XX` escapes decoded (invalid escapes kept as they are).
func percentDecoded(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
    var out: [UInt8] = []
    let bytes = Array(text.utf8)
    out.reserveCapacity(bytes.count)
    var i = 0
    func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
    while i < bytes.count {
        if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count, let h = hex(bytes[i + 1]), let l = hex(bytes[i + 2]) {
            out.append(h << 4 | l)
            i += 3
        } else {
            out.append(bytes[i])
            i += 1
        }
    }
    return String(decoding: out, as: UTF8.self)
}
