import LodeCore

/// Spark's JSON schema serialization (PROTOCOL.md §Schema Serialization Format),
/// the `schemaString` of a table's `metaData`.
///
/// | Delta            | Lode                                   |
/// |------------------|----------------------------------------|
/// | `string`/`binary`| `.string` / `.binary`                  |
/// | `long` `integer` `short` `byte` | `.int64` `.int32` `.int16` `.int8` |
/// | `float` `double` | `.float32` `.float64`                  |
/// | `boolean` `date` | `.boolean` `.date`                     |
/// | `timestamp`      | `.timestamp(.microsecond, utc: true)`  |
/// | `timestamp_ntz`  | `.timestamp(.microsecond, utc: false)` |
/// | `decimal(p,s)`   | `.decimal(precision: p, scale: s)`     |
/// | `struct` `array` `map` | `.struct` `.list` `.map`         |
///
/// Field metadata keeps string values as they are and other JSON values (column
/// mapping ids, identity settings) as their JSON text; when writing, a value under a
/// `delta.` key whose text is a JSON number, boolean, array or object is written as
/// that JSON again.
extension Schema {
    /// Parses a Delta `schemaString`; throws ``DeltaError`` (`corruptLog`) for text that
    /// is not a struct type, or (`unsupportedFeature`) for a type Lode lacks.
    public init(deltaSchemaString text: String) throws {
        let json: JSONValue
        do {
            json = try JSONValue.parse(text)
        } catch let error as CoreError {
            throw DeltaError(.corruptLog, "schemaString: \(error.message)")
        }
        guard case .struct(let fields) = try DeltaSchemaCodec.type(json, path: "") else {
            throw DeltaError(.corruptLog, "schemaString is not a struct type")
        }
        self.init(fields)
    }

    /// The schema as a Delta `schemaString`.
    ///
    /// Throws ``DeltaError`` (`invalidArgument`) for a type Delta cannot store:
    /// unsigned or non-microsecond timestamps are not converted silently.
    public func deltaSchemaString() throws -> String {
        try DeltaSchemaCodec.json(.struct(fields), path: "").serialized()
    }
}

extension DataType {
    /// The Delta name of a primitive type (`long`, `decimal(10,2)`, `timestamp_ntz`),
    /// `nil` for nested types and types Delta lacks.
    public var deltaTypeName: String? {
        switch self {
        case .boolean: return "boolean"
        case .int8: return "byte"
        case .int16: return "short"
        case .int32: return "integer"
        case .int64: return "long"
        case .float32: return "float"
        case .float64: return "double"
        case .decimal(let p, let s): return "decimal(\(p),\(s))"
        case .string: return "string"
        case .binary: return "binary"
        case .date: return "date"
        case .timestamp(.microsecond, let utc): return utc ? "timestamp" : "timestamp_ntz"
        default: return nil
        }
    }

    /// The primitive type of a Delta type name; `nil` for an unknown name.
    public init?(deltaTypeName name: String) {
        switch name {
        case "boolean": self = .boolean
        case "byte": self = .int8
        case "short": self = .int16
        case "integer": self = .int32
        case "long": self = .int64
        case "float": self = .float32
        case "double": self = .float64
        case "string": self = .string
        case "binary": self = .binary
        case "date": self = .date
        case "timestamp": self = .timestampUTC
        case "timestamp_ntz": self = .timestampNTZ
        case "decimal": self = .decimal(precision: 10, scale: 0)
        default:
            guard name.hasPrefix("decimal("), name.hasSuffix(")") else { return nil }
            let inner = name.dropFirst(8).dropLast().split(separator: ",")
            guard inner.count == 2,
                  let p = Int(inner[0].trimmingCharacters(in: " ")), let s = Int(inner[1].trimmingCharacters(in: " ")),
                  (1...DataType.maxDecimalPrecision).contains(p), (0...p).contains(s) else { return nil }
            self = .decimal(precision: p, scale: s)
        }
    }
}

extension Substring {
    func trimmingCharacters(in set: Character) -> Substring {
        var s = self
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return s
    }
}

enum DeltaSchemaCodec {
    static func type(_ json: JSONValue, path: String) throws -> DataType {
        let at = path.isEmpty ? "" : " (at '\(path)')"
        switch json {
        case .string(let name):
            if let type = DataType(deltaTypeName: name) { return type }
            throw DeltaError(.unsupportedFeature, "column type '\(name)'\(at) is not supported by Lode")
        case .object(let object):
            guard case .string(let kind)? = object["type"] else {
                throw DeltaError(.corruptLog, "schemaString: a type object without 'type'\(at)")
            }
            switch kind {
            case "struct":
                guard case .array(let items)? = object["fields"] else {
                    throw DeltaError(.corruptLog, "schemaString: struct without 'fields'\(at)")
                }
                return .struct(try items.map { try field($0, parent: path) })
            case "array":
                guard let element = object["elementType"] else {
                    throw DeltaError(.corruptLog, "schemaString: array without 'elementType'\(at)")
                }
                let nullable = object["containsNull"]?.boolValue ?? true
                return .list(Field("element", try type(element, path: path + "[]"), nullable: nullable))
            case "map":
                guard let key = object["keyType"], let value = object["valueType"] else {
                    throw DeltaError(.corruptLog, "schemaString: map without 'keyType' or 'valueType'\(at)")
                }
                let nullable = object["valueContainsNull"]?.boolValue ?? true
                return .map(key: Field("key", try type(key, path: path + ".key"), nullable: false),
                            value: Field("value", try type(value, path: path + ".value"), nullable: nullable))
            default:
                throw DeltaError(.unsupportedFeature, "column type '\(kind)'\(at) is not supported by Lode")
            }
        default:
            throw DeltaError(.corruptLog, "schemaString: a type is neither a name nor an object\(at)")
        }
    }

    static func field(_ json: JSONValue, parent: String) throws -> Field {
        guard case .string(let name)? = json["name"] else {
            throw DeltaError(.corruptLog, "schemaString: a field without 'name'\(parent.isEmpty ? "" : " in '\(parent)'")")
        }
        let path = parent.isEmpty ? name : parent + "." + name
        guard let typeJSON = json["type"] else { throw DeltaError(.corruptLog, "schemaString: field '\(path)' has no 'type'") }
        var metadata: [String: String] = [:]
        if case .object(let members)? = json["metadata"] {
            for (key, value) in members { metadata[key] = value.stringValue ?? value.serialized() }
        }
        return Field(name, try type(typeJSON, path: path), nullable: json["nullable"]?.boolValue ?? true, metadata: metadata)
    }

    static func json(_ type: DataType, path: String) throws -> JSONValue {
        switch type {
        case .struct(let fields):
            return ["type": "struct", "fields": .array(try fields.map { try json($0, parent: path) })]
        case .list(let element):
            return ["type": "array", "elementType": try json(element.type, path: path + "[]"),
                    "containsNull": .bool(element.nullable)]
        case .map(let key, let value):
            return ["type": "map", "keyType": try json(key.type, path: path + ".key"),
                    "valueType": try json(value.type, path: path + ".value"), "valueContainsNull": .bool(value.nullable)]
        default:
            guard let name = type.deltaTypeName else {
                throw DeltaError(.invalidArgument, "type \(type) of '\(path)' cannot be stored in a Delta table")
            }
            return .string(name)
        }
    }

    static func json(_ field: Field, parent: String) throws -> JSONValue {
        let path = parent.isEmpty ? field.name : parent + "." + field.name
        var metadata = JSONObject()
        for (key, text) in field.metadata.sorted(by: { $0.key < $1.key }) {
            metadata.append(key, metadataValue(key, text))
        }
        return ["name": .string(field.name), "type": try json(field.type, path: path),
                "nullable": .bool(field.nullable), "metadata": .object(metadata)]
    }

    private static func metadataValue(_ key: String, _ text: String) -> JSONValue {
        guard key.hasPrefix("delta."), let first = text.utf8.first,
              first == UInt8(ascii: "{") || first == UInt8(ascii: "[") || first == UInt8(ascii: "-")
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || text == "true" || text == "false",
              let value = try? JSONValue.parse(text) else { return .string(text) }
        return value
    }
}
