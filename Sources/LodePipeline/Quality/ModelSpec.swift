import Foundation

/// A model's optional `.yml` file, dbt style: descriptions, column tags such as `pii`, and tests.
///
/// ```yaml
/// description: One row per customer.
/// columns:
///   customer_id:
///     tests: [not_null, unique]
///   email:
///     tags: [pii]
///     tests:
///       - not_null: {severity: warn}
///   segment:
///     tests:
///       - accepted_values: {values: [enterprise, smb, consumer]}
/// tests:
///   - row_count: {min: 1}
///   - freshness: {column: updated_at, max_age: 2 days}
/// ```
public struct ModelSpec: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        public var name: String
        public var description: String?
        public var tags: [String]
    }

    public var description: String?
    public var columns: [Column]
    public var checks: [QualityCheck]

    public init(description: String? = nil, columns: [Column] = [], checks: [QualityCheck] = []) {
        self.description = description
        self.columns = columns
        self.checks = checks
    }

    /// The columns tagged `tag`.
    public func columns(tagged tag: String) -> [String] { columns.filter { $0.tags.contains(tag) }.map(\.name) }

    static let topKeys = ["description", "columns", "tests", "tags"]
    static let columnKeys = ["description", "tags", "tests"]
    static let columnTests = ["not_null", "unique", "accepted_values", "relationships", "null_percentage", "freshness"]
    static let tableTests = ["row_count", "volume_anomaly", "sql", "freshness"]

    /// Parses the text of `file`.
    public static func parse(_ text: String, file: String) throws -> ModelSpec {
        let document = try YAMLNode.parse(text, file: file)
        var spec = ModelSpec()
        for (key, value) in try document.entries(allowed: topKeys) {
            switch key {
            case "description": spec.description = try value.string()
            case "columns":
                for (name, node) in try value.entries() {
                    var column = Column(name: name, description: nil, tags: [])
                    if case .mapping = node.node {
                        for (columnKey, setting) in try node.entries(allowed: columnKeys) {
                            switch columnKey {
                            case "description": column.description = try setting.string()
                            case "tags": column.tags = try setting.strings()
                            default: spec.checks += try setting.list().map { try check($0, column: name, allowed: columnTests) }
                            }
                        }
                    }
                    spec.columns.append(column)
                }
            case "tests": spec.checks += try value.list().map { try check($0, column: nil, allowed: tableTests) }
            default: break
            }
        }
        return spec
    }

    /// One test entry: a bare name (`unique`) or `name: {options}`.
    static func check(_ node: YAMLNode, column: String?, allowed: [String]) throws -> QualityCheck {
        let testName: String
        var options: [(key: String, value: YAMLNode)] = []
        if case .scalar = node.node {
            testName = try node.string()
        } else {
            let entries = try node.entries()
            guard entries.count == 1 else { throw node.error("a test is written `name` or `name: {options}`") }
            testName = entries[0].key
            if case .mapping = entries[0].value.node { options = try entries[0].value.entries() } else if testName == "sql" {
                options = [("query", entries[0].value)]
            }
        }
        guard allowed.contains(testName) else {
            let hint = nameHint(testName, allowed, listing: "valid")
            throw node.error("unknown \(column == nil ? "table" : "column") test '\(testName)'\(hint)")
        }
        let known = ["severity", "name"] + optionKeys[testName, default: []]
        var severity = QualityCheck.Severity.error
        var name: String?
        var values: [String: YAMLNode] = [:]
        for (key, value) in options {
            guard known.contains(key) else {
                throw value.error("test '\(testName)' has no option '\(key)'\(nameHint(key, known, listing: "valid"))")
            }
            switch key {
            case "severity": severity = QualityCheck.Severity(rawValue: try value.choice(["warn", "error"]))!
            case "name": name = try value.string()
            default: values[key] = value
            }
        }
        func required(_ key: String) throws -> YAMLNode {
            guard let value = values[key] else { throw node.error("test '\(testName)' needs '\(key)'") }
            return value
        }
        let kind: QualityCheck.Kind
        switch testName {
        case "not_null": kind = .notNull
        case "unique": kind = .unique
        case "accepted_values": kind = .acceptedValues(try required("values").strings())
        case "relationships":
            kind = .relationships(table: try required("to").string(), column: try values["field"]?.string() ?? column ?? "")
        case "row_count": kind = .rowCount(min: try values["min"]?.int(), max: try values["max"]?.int())
        case "null_percentage":
            kind = .nullPercentage(min: try values["min"]?.double(), max: try values["max"]?.double())
        case "freshness":
            kind = .freshness(maxAgeSeconds: try duration(required("max_age")))
            if column == nil, values["column"] == nil { throw node.error("a table-level freshness test needs 'column'") }
        case "volume_anomaly":
            kind = .volumeAnomaly(tolerance: try values["tolerance"]?.double() ?? 0.5, minimumRuns: try values["min_runs"]?.int() ?? 3)
        default: kind = .sql(try required("query").string())
        }
        let testedColumn = try column ?? values["column"]?.string()
        return QualityCheck(name: name, kind: kind, column: testedColumn, severity: severity)
    }

    static let optionKeys: [String: [String]] = [
        "accepted_values": ["values"], "relationships": ["to", "field"], "row_count": ["min", "max"],
        "null_percentage": ["min", "max"], "freshness": ["max_age", "column"], "volume_anomaly": ["tolerance", "min_runs"],
        "sql": ["query"],
    ]

    /// `2 days`, `36h`, `90 minutes`, `3600` (seconds).
    static func duration(_ node: YAMLNode) throws -> Double {
        if let seconds = node.node.int { return Double(seconds) }
        let text = try node.string().lowercased().replacingOccurrences(of: " ", with: "")
        let units: [(String, Double)] = [("days", 86_400), ("day", 86_400), ("d", 86_400), ("hours", 3_600), ("hour", 3_600),
                                         ("h", 3_600), ("minutes", 60), ("minute", 60), ("min", 60), ("m", 60),
                                         ("seconds", 1), ("second", 1), ("s", 1)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            if let value = Double(text.dropLast(suffix.count)), value > 0 { return value * factor }
        }
        throw node.error("'\(node.path)' must be a duration like 2 days, 36h or 90 minutes")
    }
}
