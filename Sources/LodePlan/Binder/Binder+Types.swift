import LodeCore
import LodeSQL

extension Binder {
    /// The column type a SQL type name denotes: `INTEGER`, `DECIMAL(15,2)`, `VARCHAR`,
    /// `TIMESTAMPTZ`, `INT[]`, `STRUCT(a INT)`, `MAP(VARCHAR, INT)`.
    public static func resolveType(_ name: DataTypeName) throws -> DataType {
        switch name {
        case .named(let word, let parameters):
            return try namedType(word, parameters)
        case .list(let element):
            return .list(Field("element", try resolveType(element)))
        case .structure(let fields):
            return .struct(try fields.map { Field($0.name.spelling, try resolveType($0.type)) })
        case .map(let key, let value):
            return .map(key: Field("key", try resolveType(key), nullable: false), value: Field("value", try resolveType(value)))
        }
    }

    private static let simpleTypes: [String: DataType] = [
        "boolean": .boolean, "bool": .boolean, "logical": .boolean,
        "tinyint": .int8, "int1": .int8, "smallint": .int16, "int2": .int16, "short": .int16,
        "integer": .int32, "int": .int32, "int4": .int32, "signed": .int32,
        "bigint": .int64, "int8": .int64, "long": .int64,
        "real": .float32, "float4": .float32, "float": .float32,
        "double": .float64, "float8": .float64, "double precision": .float64,
        "varchar": .string, "text": .string, "string": .string, "char": .string, "bpchar": .string,
        "character": .string, "character varying": .string, "nvarchar": .string, "json": .string,
        "blob": .binary, "bytea": .binary, "binary": .binary, "varbinary": .binary,
        "date": .date,
        "timestamp": .timestampNTZ, "datetime": .timestampNTZ, "timestamp without time zone": .timestampNTZ,
        "timestamptz": .timestampUTC, "timestamp with time zone": .timestampUTC,
        "timestamp_ms": .timestamp(.millisecond, utc: false), "timestamp_ns": .timestamp(.nanosecond, utc: false),
    ]

    private static func namedType(_ word: String, _ parameters: [String]) throws -> DataType {
        let word = word.lowercased()
        if word == "decimal" || word == "numeric" || word == "dec" {
            let values = parameters.map { Int($0) }
            guard values.count <= 2, values.allSatisfy({ $0 != nil }) else {
                throw PlanError(.type, "DECIMAL takes a precision and a scale, not (\(parameters.joined(separator: ",")))")
            }
            let precision = values.first.flatMap { $0 } ?? 18
            let scale = values.count == 2 ? values[1] ?? 0 : (values.isEmpty ? 3 : 0)
            guard (1...DataType.maxDecimalPrecision).contains(precision), (0...precision).contains(scale) else {
                throw PlanError(.type, "DECIMAL(\(precision),\(scale)) is out of range: the precision must be 1 to 38 and the scale 0 to the precision")
            }
            return .decimal(precision: precision, scale: scale)
        }
        if let type = simpleTypes[word] { return type }
        if ["time", "interval", "uuid", "hugeint", "utinyint", "usmallint", "uinteger", "ubigint", "time with time zone"].contains(word) {
            throw PlanError(.notImplemented, "type \(word.uppercased()) is not supported")
        }
        let suggestion = closestName(to: word, in: (Array(simpleTypes.keys) + ["decimal", "numeric"]).sorted()).map { "; did you mean \($0.uppercased())?" } ?? ""
        throw PlanError(.binding, "type \(word.uppercased()) does not exist\(suggestion)")
    }
}
