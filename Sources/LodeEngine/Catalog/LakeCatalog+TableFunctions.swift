import LodeCore
import LodeFormats
import LodePlan

extension LakeCatalog {
    /// `read_parquet('glob' | ['a', 'b'])`, `read_csv('glob', header => true, delim => ',', …)`,
    /// `read_json('glob')`, `read_ndjson('glob')`, `delta_scan('path', version => 3)` and
    /// `delta_scan('path', timestamp => '2026-01-01 00:00:00')`; `nil` for another name.
    public func tableFunction(_ name: String, positional: [Value], named: [String: Value]) throws -> (any TableSource)? {
        let function = name.lowercased()
        var arguments = TableFunctionArguments(function, positional: positional, named: named)
        switch function {
        case "read_parquet", "parquet_scan":
            let paths = try arguments.paths()
            try arguments.checkAllRead()
            return try ParquetSource(paths: paths)
        case "read_csv", "read_csv_auto":
            let paths = try arguments.paths()
            let options = try csvOptions(&arguments)
            try arguments.checkAllRead()
            return try TextFileSource(paths: paths, format: .csv, options: options)
        case "read_json", "read_json_auto", "read_ndjson", "read_ndjson_auto":
            let paths = try arguments.paths()
            let options = try jsonOptions(&arguments, lines: function.hasPrefix("read_ndjson"))
            try arguments.checkAllRead()
            return try TextFileSource(paths: paths, format: .ndjson, options: options)
        case "delta_scan":
            guard positional.count == 1, case .string(let path) = positional[0] else {
                throw arguments.error("takes the table's folder as a string, then version => n or timestamp => '…'")
            }
            let version = try timeTravel(&arguments)
            try arguments.checkAllRead()
            return try DeltaSource(path: path, version: version, displayName: "delta_scan('\(path)')")
        default:
            return nil
        }
    }

    private func timeTravel(_ arguments: inout TableFunctionArguments) throws -> TableVersion? {
        let version = try arguments.int("version")
        let timestamp = arguments.value("timestamp")
        switch (version, timestamp) {
        case (nil, nil): return nil
        case (let v?, nil):
            guard v >= 0 else { throw arguments.error("version must not be negative, got \(v)") }
            return .version(v)
        case (nil, let t?): return .timestamp(try Self.micros(t, arguments))
        case (.some, .some): throw arguments.error("give version or timestamp, not both")
        }
    }

    /// A timestamp argument as microseconds since the epoch (UTC).
    static func micros(_ value: Value, _ arguments: TableFunctionArguments) throws -> Int64 {
        switch value {
        case .timestamp(let v, let unit, _):
            switch unit {
            case .microsecond: return v
            case .millisecond: return v.multipliedReportingOverflow(by: 1000).partialValue
            case .nanosecond: return v >= 0 ? v / 1000 : (v - 999) / 1000
            }
        case .date(let days): return Int64(days) * 86_400_000_000
        case .string(let text):
            if let micros = Temporal.parseTimestamp(Substring(text), unit: .microsecond) { return micros }
            if let days = Temporal.parseDate(Substring(text)) { return Int64(days) * 86_400_000_000 }
            throw arguments.error("timestamp '\(text)' is not a timestamp such as '2026-01-01 00:00:00'")
        default:
            throw arguments.error("timestamp must be a timestamp or a string, not \(value)")
        }
    }

    private func csvOptions(_ arguments: inout TableFunctionArguments) throws -> TableFileReadOptions {
        var options = self.options.textFiles
        if let header = try arguments.bool("header") { options.csv.hasHeader = header }
        for key in ["delim", "sep", "delimiter"] {
            if case .some(.some(let c)) = try arguments.character(key) { options.csv.delimiter = c }
        }
        if case .some(let c) = try arguments.character("quote", allowsNone: true) { options.csv.quote = c }
        if case .some(let c) = try arguments.character("escape", allowsNone: true) { options.csv.escape = c }
        for key in ["nullstr", "null"] {
            switch arguments.value(key) {
            case nil: break
            case .string(let s)?: options.csv.nullValues = [s]
            case .list(let items)?:
                options.csv.nullValues = try items.map {
                    guard case .string(let s) = $0 else { throw arguments.error("\(key) must list strings") }
                    return s
                }
            case let other?: throw arguments.error("\(key) must be a string or a list of strings, not \(other)")
            }
        }
        if let skip = try arguments.int("skip") {
            guard skip >= 0, skip <= Int64(Int32.max) else { throw arguments.error("skip must be a non-negative count") }
            options.csv.skipLines = Int(skip)
        }
        if let format = try arguments.string("dateformat") { options.csv.dateFormat = format }
        if let format = try arguments.string("timestampformat") { options.csv.timestampFormat = format }
        if let rows = try arguments.int("sample_size") {
            options.csv.inferenceRows = rows < 0 ? Int.max : Int(clamping: rows)
        }
        if let ignore = try arguments.bool("ignore_errors"), ignore { options.onBadRow = .skip }
        options.schema = try schema(&arguments) ?? options.schema
        if let detect = try arguments.bool("auto_detect"), !detect, options.schema == nil {
            throw arguments.error("auto_detect => false needs the columns: columns => {'name': 'TYPE', …} or schema => 'name TYPE, …'")
        }
        return options
    }

    private func jsonOptions(_ arguments: inout TableFunctionArguments, lines: Bool) throws -> TableFileReadOptions {
        var options = self.options.textFiles
        if lines { options.ndjson.format = .newlineDelimited }
        if let format = try arguments.string("format") {
            switch format.lowercased() {
            case "auto": options.ndjson.format = .auto
            case "newline_delimited", "nd", "lines": options.ndjson.format = .newlineDelimited
            case "array": options.ndjson.format = .array
            default: throw arguments.error("format must be 'auto', 'newline_delimited' or 'array', not '\(format)'")
            }
        }
        if let format = try arguments.string("dateformat") { options.ndjson.dateFormat = format }
        if let format = try arguments.string("timestampformat") { options.ndjson.timestampFormat = format }
        if let rows = try arguments.int("sample_size") {
            options.ndjson.inferenceRows = rows < 0 ? Int.max : Int(clamping: rows)
        }
        if let ignore = try arguments.bool("ignore_errors"), ignore { options.onBadRow = .skip }
        options.schema = try schema(&arguments) ?? options.schema
        if let detect = try arguments.bool("auto_detect"), !detect, options.schema == nil {
            throw arguments.error("auto_detect => false needs the columns: columns => {'name': 'TYPE', …} or schema => 'name TYPE, …'")
        }
        return options
    }

    /// The schema given by `columns => {'a': 'INT', …}` (a map of names to type names,
    /// or the same as text `'a INT, b VARCHAR'`) or `schema => 'a INT, b VARCHAR'`.
    private func schema(_ arguments: inout TableFunctionArguments) throws -> Schema? {
        var text: String?
        switch arguments.value("columns") {
        case nil: break
        case .string(let s)?: text = s
        case .map(let keys, let values)?:
            text = try zip(keys, values).map { key, value in
                guard case .string(let name) = key, case .string(let type) = value else {
                    throw arguments.error("columns must map column names to type names, as in {'id': 'BIGINT'}")
                }
                return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\" " + type
            }.joined(separator: ", ")
        case let other?:
            throw arguments.error("columns must map column names to type names, as in {'id': 'BIGINT'}, not \(other)")
        }
        if let given = try arguments.string("schema") {
            guard text == nil else { throw arguments.error("give columns or schema, not both") }
            text = given
        }
        guard let text else { return nil }
        do {
            return try parseSchema(text)
        } catch {
            throw arguments.error("the columns '\(text)' do not parse: \(error)")
        }
    }
}
