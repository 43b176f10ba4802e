/// A JSON document as a tree of values, objects keeping their key order.
///
/// Integers that fit 64 bits parse as ``int(_:)``; every other number keeps its
/// text as ``number(_:)`` so decimals and huge integers survive a round trip
/// exactly. ``double(_:)`` is for values built in code.
///
/// ```swift
/// let line = try JSONValue.parse(#"{"add":{"path":"a.parquet","size":12}}"#)
/// line["add"]?["size"]?.int64Value   // 12
/// line.serialized()                  // the same compact text
/// ```
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    /// A number kept as its JSON text: a fraction, an exponent or an integer beyond 64 bits.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The member `key` of an object; `nil` for a missing key or a non-object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }

    /// The value as an exact 64-bit integer: an ``int(_:)``, or a number or double
    /// without fraction that fits.
    public var int64Value: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d): return d == d.rounded() ? Int64(exactly: d) : nil
        case .number(let text): return Double(text).flatMap { $0 == $0.rounded() ? Int64(exactly: $0) : nil }
        default: return nil
        }
    }

    /// The value as a double (integers converted, number text parsed).
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .number(let text): return Double(text)
        default: return nil
        }
    }

    /// The number's JSON text (`12`, `1.50`, `1e+20`); `nil` for non-numbers.
    public var numberText: String? {
        switch self {
        case .int(let i): return String(i)
        case .double: return serialized()
        case .number(let text): return text
        default: return nil
        }
    }
}

/// The members of a JSON object in document order, looked up by key.
///
/// Lookup is a linear scan, which beats hashing for the small objects of log
/// lines; a duplicated key resolves to its first occurrence.
public struct JSONObject: Hashable, Sendable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    public private(set) var keys: [String]
    public private(set) var values: [JSONValue]

    public init() {
        keys = []
        values = []
    }

    public init(_ members: [(String, JSONValue)]) {
        keys = members.map(\.0)
        values = members.map(\.1)
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { keys.count }
    public subscript(position: Int) -> (key: String, value: JSONValue) { (keys[position], values[position]) }

    /// The value of `key`; setting appends a new key or replaces the first match,
    /// setting `nil` removes it.
    public subscript(key: String) -> JSONValue? {
        get {
            for i in keys.indices where keys[i] == key { return values[i] }
            return nil
        }
        set {
            if let i = keys.firstIndex(of: key) {
                if let newValue { values[i] = newValue } else { keys.remove(at: i); values.remove(at: i) }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// Appends a member without checking for an existing key.
    public mutating func append(_ key: String, _ value: JSONValue) {
        keys.append(key)
        values.append(value)
    }

    public mutating func reserveCapacity(_ n: Int) {
        keys.reserveCapacity(n)
        values.reserveCapacity(n)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
    public init(nilLiteral: ()) { self = .null }
    public init(floatLiteral value: Double) { self = .double(value) }
}
