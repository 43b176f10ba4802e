import LodeCore
import LodeFormats

/// The schema of several CSV or JSON files: each file's inferred schema, merged so
/// that every file reads into it (`8` in one file and `9.5` in another make a DOUBLE
/// column, a date and text make VARCHAR).
enum TextSchemaInference {
    /// Files sampled; the rest must fit what these say.
    static let maxFiles = 16

    static func infer(_ files: [String], format: FileFormat, options: TableFileReadOptions) throws -> Schema {
        var merged: Schema?
        for path in files.prefix(maxFiles) {
            let schema = try naming(path) { try openTableFile(path, format: format, options: options).schema }
            guard let current = merged else {
                merged = schema
                continue
            }
            merged = try format == .csv ? byPosition(current, schema, path) : byName(current, schema)
        }
        return merged ?? Schema([])
    }

    /// CSV: columns match by position, named as in the first file.
    private static func byPosition(_ a: Schema, _ b: Schema, _ path: String) throws -> Schema {
        guard a.count == b.count else {
            throw EngineError(.badData, "\(path) has \(b.count) columns, the first file \(a.count)")
        }
        return Schema(zip(a.fields, b.fields).map { Field($0.name, common($0.type, $1.type)) })
    }

    /// JSON: fields match by name; fields only some files have are added at the end.
    private static func byName(_ a: Schema, _ b: Schema) -> Schema {
        var fields = a.fields
        for field in b.fields {
            if let i = fields.firstIndex(where: { $0.name == field.name }) {
                fields[i] = Field(field.name, common(fields[i].type, field.type))
            } else {
                fields.append(Field(field.name, field.type))
            }
        }
        return Schema(fields)
    }

    /// The type both `a` and `b` read as.
    static func common(_ a: DataType, _ b: DataType) -> DataType {
        if a == b { return a }
        func rank(_ t: DataType) -> Int? {
            switch t {
            case .int8: return 1
            case .int16: return 2
            case .int32: return 3
            case .int64: return 4
            case .float32, .float64: return 6
            default: return nil
            }
        }
        switch (a, b) {
        case (.boolean, .boolean): return .boolean
        case (.date, .timestamp): return b
        case (.timestamp, .date): return a
        case (.timestamp(let u, let z), .timestamp(let v, let w)): return .timestamp(u.perSecond >= v.perSecond ? u : v, utc: z && w)
        case (.decimal, _), (_, .decimal):
            return (a.isNumeric && b.isNumeric) ? .float64 : .string
        default:
            if let x = rank(a), let y = rank(b) {
                if max(x, y) == 6 { return .float64 }
                return x >= y ? a : b
            }
            return .string
        }
    }
}
