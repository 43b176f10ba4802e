import LodeCore

/// The members of one action object, read with errors that name the action and field.
struct ActionFields {
    let action: String
    let object: JSONObject

    init(_ action: String, _ value: JSONValue) throws {
        guard case .object(let object) = value else {
            throw DeltaError(.corruptLog, "'\(action)' is not a JSON object")
        }
        self.action = action
        self.object = object
    }

    func invalid(_ field: String, _ expected: String) -> DeltaError {
        DeltaError(.corruptLog, "'\(action).\(field)' is not \(expected)")
    }

    /// The member, with JSON null read as absent.
    func value(_ field: String) -> JSONValue? {
        guard let value = object[field], !value.isNull else { return nil }
        return value
    }

    func requiredString(_ field: String) throws -> String {
        guard let value = value(field) else { throw DeltaError(.corruptLog, "'\(action)' has no '\(field)'") }
        guard case .string(let s) = value else { throw invalid(field, "a string") }
        return s
    }

    func string(_ field: String) throws -> String? {
        guard let value = value(field) else { return nil }
        guard case .string(let s) = value else { throw invalid(field, "a string") }
        return s
    }

    func requiredInt(_ field: String) throws -> Int64 {
        guard let v = try int(field) else { throw DeltaError(.corruptLog, "'\(action)' has no '\(field)'") }
        return v
    }

    func int(_ field: String) throws -> Int64? {
        guard let value = value(field) else { return nil }
        guard let i = value.int64Value else { throw invalid(field, "an integer") }
        return i
    }

    func bool(_ field: String) throws -> Bool? {
        guard let value = value(field) else { return nil }
        guard case .bool(let b) = value else { throw invalid(field, "a boolean") }
        return b
    }

    func stringArray(_ field: String) throws -> [String]? {
        guard let value = value(field) else { return nil }
        guard case .array(let items) = value else { throw invalid(field, "an array of strings") }
        return try items.map {
            guard case .string(let s) = $0 else { throw invalid(field, "an array of strings") }
            return s
        }
    }

    /// A string map whose values may be null (partition values, tags).
    func optionalStringMap(_ field: String) throws -> [String: String?]? {
        guard let value = value(field) else { return nil }
        guard case .object(let members) = value else { throw invalid(field, "an object") }
        var map: [String: String?] = [:]
        map.reserveCapacity(members.count)
        for (key, item) in members {
            switch item {
            case .null: map[key] = .some(nil)
            case .string(let s): map[key] = s
            default: map[key] = item.numberText ?? item.serialized()
            }
        }
        return map
    }

    /// A string map; non-string values are kept as their JSON text, nulls dropped.
    func stringMap(_ field: String) throws -> [String: String]? {
        guard let map = try optionalStringMap(field) else { return nil }
        return map.compactMapValues { $0 }
    }
}
