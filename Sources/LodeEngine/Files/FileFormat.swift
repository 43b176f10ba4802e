/// A file format Lode reads and writes tables in.
public enum FileFormat: String, CaseIterable, Sendable {
    case csv
    case ndjson
    case parquet

    /// The format a path's extension names: `.csv`/`.tsv`, `.ndjson`/`.jsonl`/`.json`,
    /// `.parquet`/`.pq`.
    public init(path: String) throws {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let ext = name.contains(".") ? String(name[name.index(after: name.lastIndex(of: ".")!)...]).lowercased() : ""
        switch ext {
        case "csv", "tsv", "txt": self = .csv
        case "ndjson", "jsonl", "json": self = .ndjson
        case "parquet", "pq": self = .parquet
        default:
            throw EngineError(.invalidArgument,
                              "cannot tell the format of '\(path)' from its extension; use .csv, .ndjson, .json or .parquet, or name the format")
        }
    }

    /// Parses a format name as given on a command line (`json` and `jsonl` mean NDJSON).
    public init(name: String) throws {
        switch name.lowercased() {
        case "csv", "tsv": self = .csv
        case "ndjson", "jsonl", "json": self = .ndjson
        case "parquet": self = .parquet
        default: throw EngineError(.invalidArgument, "unknown file format '\(name)'; expected csv, ndjson or parquet")
        }
    }
}
