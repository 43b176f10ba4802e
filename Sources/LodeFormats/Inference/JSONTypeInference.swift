import LodeCore

/// Infers a schema from sample JSON values: the union of the keys seen, in first-seen
/// order, each typed by merging the values seen for it.
///
/// Values give boolean, BIGINT (integers that fit 64 bits), DOUBLE (other numbers),
/// VARCHAR, STRUCT (objects) or LIST (arrays). Merging: null takes the other side,
/// BIGINT with DOUBLE gives DOUBLE, two structs merge their keys, two lists merge
/// their items, and any other conflict gives VARCHAR (such values are then kept as
/// their JSON text). Strings stay VARCHAR even when they look like dates. A key seen
/// only with nulls, an empty object or empty arrays' items are VARCHAR.
final class JSONTypeNode {
    enum Kind { case null, boolean, integer, double, string, list, object }

    private(set) var kind = Kind.null
    private var item: JSONTypeNode?
    private(set) var names: [String] = []
    private var fields: [JSONTypeNode] = []
    private var index: [String: Int] = [:]

    /// Merges the value at the scanner into this node, consuming it.
    func observe(_ s: inout JSONScanner, depth: Int = 0) throws {
        guard depth < JSONScanner.maxDepth else { throw RowFailure("JSON nested deeper than \(JSONScanner.maxDepth)") }
        s.skipWhitespace()
        let observed: Kind
        switch s.current {
        case UInt8(ascii: "n"):
            try s.literal("null")
            return
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            _ = try s.boolean()
            observed = .boolean
        case ASCII.quote:
            _ = try s.scanString()
            observed = .string
        case UInt8(ascii: "["):
            observed = .list
        case UInt8(ascii: "{"):
            observed = .object
        default:
            let token = try s.number()
            observed = token.isInteger && parseInt64(token.bytes) != nil ? .integer : .double
        }
        merge(observed)
        switch (observed, kind) {
        case (.list, .list): try observeArray(&s, depth: depth)
        case (.object, .object): try observeObject(&s, depth: depth)
        case (.list, _), (.object, _): try s.skipValue()
        default: break
        }
    }

    private func merge(_ observed: Kind) {
        switch (kind, observed) {
        case (.null, _):
            kind = observed
        case (let a, let b) where a == b:
            break
        case (.integer, .double), (.double, .integer):
            kind = .double
        default:
            kind = .string
            item = nil
            names = []
            fields = []
            index = [:]
        }
    }

    private func observeArray(_ s: inout JSONScanner, depth: Int) throws {
        s.position += 1
        s.skipWhitespace()
        if s.current == UInt8(ascii: "]") {
            s.position += 1
            return
        }
        let item = self.item ?? JSONTypeNode()
        self.item = item
        while true {
            try item.observe(&s, depth: depth + 1)
            s.skipWhitespace()
            if s.current == UInt8(ascii: ",") {
                s.position += 1
                continue
            }
            try s.expect(UInt8(ascii: "]"), "',' or ']'")
            return
        }
    }

    /// Merges the object at `{` into this node's fields.
    func observeObject(_ s: inout JSONScanner, depth: Int = 0) throws {
        s.position += 1
        s.skipWhitespace()
        if s.current == UInt8(ascii: "}") {
            s.position += 1
            return
        }
        while true {
            s.skipWhitespace()
            guard s.current == ASCII.quote else { throw RowFailure("invalid JSON: expected a key \(s.foundDescription)") }
            let key = String(decoding: try s.stringValue(), as: UTF8.self)
            try s.expect(UInt8(ascii: ":"), "':'")
            let field: JSONTypeNode
            if let i = index[key] {
                field = fields[i]
            } else {
                field = JSONTypeNode()
                index[key] = fields.count
                names.append(key)
                fields.append(field)
            }
            try field.observe(&s, depth: depth + 1)
            s.skipWhitespace()
            if s.current == UInt8(ascii: ",") {
                s.position += 1
                continue
            }
            try s.expect(UInt8(ascii: "}"), "',' or '}'")
            return
        }
    }

    /// Merges the row in `bytes` when it is one well-formed JSON object (whitespace
    /// around it allowed); returns whether it was. Rows that would be bad are not sampled.
    func observeRow(_ bytes: ByteSpan, scratch: ScratchBuffer) -> Bool {
        var check = JSONScanner(bytes, scratch: scratch)
        check.skipWhitespace()
        guard check.current == UInt8(ascii: "{"), (try? check.skipValue()) != nil else { return false }
        check.skipWhitespace()
        guard check.isAtEnd else { return false }
        var s = JSONScanner(bytes, scratch: scratch)
        s.skipWhitespace()
        try? observeObject(&s)
        return true
    }

    /// The fields of an object node, typed.
    var schemaFields: [Field] { zip(names, fields).map { Field($0, $1.dataType) } }

    var dataType: DataType {
        switch kind {
        case .null, .string: return .string
        case .boolean: return .boolean
        case .integer: return .int64
        case .double: return .float64
        case .list: return .list(Field("element", item?.dataType ?? .string))
        case .object: return fields.isEmpty ? .string : .struct(schemaFields)
        }
    }
}
