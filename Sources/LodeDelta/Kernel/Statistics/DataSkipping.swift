import LodeCore
import LodeParquet

/// Decides from the log alone which data files may hold rows matching a predicate:
/// partition values first (exact), then the files' min/max/null-count statistics.
///
/// A file is skipped only when its partition values or statistics prove that no row
/// matches; missing or unusable statistics keep it. Comparisons follow SQL: a null
/// never matches.
struct DataSkipping {
    let schema: Schema
    let partitionColumns: [String]
    /// Column types by dotted path (struct fields included).
    private let types: [String: DataType]

    init(schema: Schema, partitionColumns: [String]) {
        self.schema = schema
        self.partitionColumns = partitionColumns
        var types: [String: DataType] = [:]
        func visit(_ fields: [Field], _ prefix: String) {
            for field in fields {
                types[prefix + field.name] = field.type
                if case .struct(let children) = field.type { visit(children, prefix + field.name + ".") }
            }
        }
        visit(schema.fields, "")
        self.types = types
    }

    enum Truth {
        case never, always, maybe
        var negated: Truth { self == .never ? .always : self == .always ? .never : .maybe }
    }

    /// Whether `file` may hold a matching row.
    func keeps(_ file: AddFile, _ predicate: ParquetPredicate) -> Bool {
        var stats: FileStatistics?? = .none
        return evaluate(predicate, file, &stats) != .never
    }

    private func evaluate(_ predicate: ParquetPredicate, _ file: AddFile, _ stats: inout FileStatistics??) -> Truth {
        switch predicate {
        case .and(let parts):
            var result = Truth.always
            for part in parts {
                switch evaluate(part, file, &stats) {
                case .never: return .never
                case .maybe: result = .maybe
                case .always: break
                }
            }
            return result
        case .or(let parts):
            var result = Truth.never
            for part in parts {
                switch evaluate(part, file, &stats) {
                case .always: return .always
                case .maybe: result = .maybe
                case .never: break
                }
            }
            return result
        case .not(let inner):
            return evaluate(inner, file, &stats).negated
        case .isNull(let column), .isNotNull(let column):
            let wantsNull: Bool = { if case .isNull = predicate { return true } else { return false } }()
            if let value = partitionValue(file, column) {
                return value.isNull == wantsNull ? .always : .never
            }
            guard let s = statistics(file, &stats), let path = resolve(column), let nulls = s.nullCount[path],
                  let rows = s.numRecords else { return .maybe }
            if wantsNull { return nulls == 0 ? .never : (nulls == rows ? .always : .maybe) }
            return nulls == rows ? .never : (nulls == 0 ? .always : .maybe)
        case .compare(let column, let op, let literal):
            if let value = partitionValue(file, column) {
                guard !value.isNull, !literal.isNull, let order = Value.compare(value, literal) else {
                    return value.isNull || literal.isNull ? .never : .maybe
                }
                return holds(op, order) ? .always : .never
            }
            if literal.isNull { return .never }
            guard let s = statistics(file, &stats), let path = resolve(column) else { return .maybe }
            if let rows = s.numRecords, let nulls = s.nullCount[path], rows == nulls { return .never }
            let minimum = s.minValues[path], maximum = s.maxValues[path]
            let minOrder = minimum.flatMap { Value.compare($0, literal) }   // sign of min - literal
            let maxOrder = maximum.flatMap { Value.compare($0, literal) }   // sign of max - literal
            switch op {
            case .equal:
                if let minOrder, minOrder > 0 { return .never }
                if let maxOrder, maxOrder < 0 { return .never }
            case .notEqual:
                if let minOrder, let maxOrder, minOrder == 0, maxOrder == 0, isExact(path) { return .never }
            case .less:
                if let minOrder, minOrder >= 0 { return .never }
            case .lessOrEqual:
                if let minOrder, minOrder > 0 { return .never }
            case .greater:
                if let maxOrder, maxOrder <= 0 { return .never }
            case .greaterOrEqual:
                if let maxOrder, maxOrder < 0 { return .never }
            }
            return .maybe
        }
    }

    private func holds(_ op: ParquetPredicate.ComparisonOperator, _ order: Int) -> Bool {
        switch op {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessOrEqual: return order <= 0
        case .greater: return order > 0
        case .greaterOrEqual: return order >= 0
        }
    }

    /// Whether a column's bounds are exact values (not truncated or widened).
    private func isExact(_ path: String) -> Bool {
        switch types[path] {
        case .string?, .timestamp?, .binary?, .none: return false
        default: return true
        }
    }

    /// The column's dotted path as the schema spells it.
    private func resolve(_ column: String) -> String? {
        if types[column] != nil { return column }
        let lowered = column.lowercased()
        return types.keys.first { $0.lowercased() == lowered }
    }

    /// The parsed partition value when `column` is a partition column, else `nil`.
    private func partitionValue(_ file: AddFile, _ column: String) -> Value? {
        guard let name = partitionColumns.first(where: { $0 == column })
                ?? partitionColumns.first(where: { $0.lowercased() == column.lowercased() }),
              let field = schema.field(named: name) else { return nil }
        let text = file.partitionValues[name] ?? file.partitionValues.first { $0.key.lowercased() == name.lowercased() }?.value ?? nil
        return (try? PartitionValue.parse(text, as: field.type, column: name)) ?? nil
    }

    private func statistics(_ file: AddFile, _ cache: inout FileStatistics??) -> FileStatistics? {
        if case .some(let cached) = cache { return cached }
        let parsed = file.stats.flatMap { try? FileStatistics(json: $0, schema: schema) }
        cache = .some(parsed)
        return parsed
    }
}


extension Snapshot {
    /// The active files that may hold rows matching `predicate`, judged from
    /// partition values and file statistics (files without statistics are kept).
    public func files(matching predicate: ParquetPredicate) throws -> [AddFile] {
        let skipping = DataSkipping(schema: schema, partitionColumns: partitionColumns)
        return files.filter { skipping.keeps($0, predicate) }
    }
}
