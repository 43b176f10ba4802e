import LodeCore

/// Structs from JSON objects: keys matched to fields by name, in any order; a field
/// whose key is missing is null; unknown keys are skipped (or make the row bad).
final class JSONStructColumn: JSONColumn {
    let children: [JSONColumn]
    private let table: JSONFieldTable
    private let rejectUnknownKeys: Bool
    /// For each field, the number of the object in which its key was last seen.
    @exclusivity(unchecked) private var seenIn: [Int]
    @exclusivity(unchecked) private var objectNumber = 0

    init(_ field: Field, fields: [Field], _ options: JSONColumnOptions, rejectUnknownKeys: Bool? = nil) {
        children = fields.map { JSONColumn.make($0, options) }
        table = JSONFieldTable(names: fields.map(\.name))
        self.rejectUnknownKeys = rejectUnknownKeys ?? options.rejectUnknownKeys
        seenIn = Array(repeating: 0, count: fields.count)
        super.init(field)
    }

    override func parse(_ s: inout JSONScanner) throws {
        if try s.consumeNull() { return try appendNull() }
        guard s.current == UInt8(ascii: "{") else { throw mismatch(s, expected: "an object") }
        try parseObject(&s)
        markValid()
    }

    /// Parses the object at `{` into the children, without touching this column's own
    /// validity (the row level uses this directly).
    func parseObject(_ s: inout JSONScanner) throws {
        s.position += 1
        objectNumber += 1
        let number = objectNumber
        var seen = 0
        var predicted = 0
        s.skipWhitespace()
        if s.current == UInt8(ascii: "}") {
            s.position += 1
        } else {
            while true {
                guard s.current == ASCII.quote else { throw RowFailure("invalid JSON: expected a key \(s.foundDescription)") }
                let key = try s.stringValue()
                let index = table.find(key, predicted: predicted)
                if index == nil && rejectUnknownKeys {
                    throw RowFailure("unexpected key \(quotedForMessage(key))")
                }
                try s.expect(UInt8(ascii: ":"), "':'")
                s.skipWhitespace()
                if let index {
                    guard seenIn[index] != number else {
                        throw RowFailure("duplicate key \(quotedForMessage(key))")
                    }
                    seenIn[index] = number
                    seen += 1
                    let child = children[index]
                    do {
                        try child.parse(&s)
                    } catch let failure as RowFailure {
                        throw failure.inside(child.field.name)
                    }
                    predicted = index + 1
                } else {
                    try s.skipValue()
                }
                s.skipWhitespace()
                let c = s.current
                if c == UInt8(ascii: ",") {
                    s.position += 1
                    s.skipWhitespace()
                    continue
                }
                if c == UInt8(ascii: "}") {
                    s.position += 1
                    break
                }
                throw RowFailure("invalid JSON: expected ',' or '}' \(s.foundDescription)")
            }
        }
        if seen < children.count {
            for (index, child) in children.enumerated() where seenIn[index] != number {
                guard child.field.nullable else {
                    throw RowFailure("missing value for NOT NULL column").inside(child.field.name)
                }
                child.appendNullUnchecked()
            }
        }
    }

    /// Records a present struct whose children were filled directly.
    func appendPresent() { markValid() }

    override func appendEmptyValue() {
        for child in children { child.appendNullUnchecked() }
    }

    override func truncate(to n: Int) {
        super.truncate(to: n)
        for child in children { child.truncate(to: n) }
    }

    override func finish() -> any ColumnArray {
        let count = self.count
        let validity = takeValidity()
        return StructArray(field.type, children: children.map { $0.finish() }, count: count, validity: validity)
    }

    /// The children's arrays; the builder starts over empty.
    func finishChildren() -> [any ColumnArray] {
        _ = takeValidity()
        return children.map { $0.finish() }
    }
}

/// Lists from JSON arrays.
final class JSONListColumn: JSONColumn {
    let item: JSONColumn
    @exclusivity(unchecked) private var offsets: [Int32] = [0]

    init(_ field: Field, item: JSONColumn) {
        self.item = item
        super.init(field)
    }

    override func parse(_ s: inout JSONScanner) throws {
        if try s.consumeNull() { return try appendNull() }
        guard s.current == UInt8(ascii: "[") else { throw mismatch(s, expected: "an array") }
        s.position += 1
        s.skipWhitespace()
        if s.current == UInt8(ascii: "]") {
            s.position += 1
        } else {
            while true {
                try item.parse(&s)
                s.skipWhitespace()
                let c = s.current
                if c == UInt8(ascii: ",") {
                    s.position += 1
                    s.skipWhitespace()
                    continue
                }
                if c == UInt8(ascii: "]") {
                    s.position += 1
                    break
                }
                throw RowFailure("invalid JSON: expected ',' or ']' \(s.foundDescription)")
            }
        }
        guard item.count <= Int(Int32.max) else { throw RowFailure("list holds more than 2^31 items in one batch") }
        offsets.append(Int32(item.count))
        markValid()
    }

    override func appendEmptyValue() { offsets.append(offsets[offsets.count - 1]) }

    override func truncate(to n: Int) {
        super.truncate(to: n)
        offsets.removeLast(offsets.count - n - 1)
        item.truncate(to: Int(offsets[n]))
    }

    override func finish() -> any ColumnArray {
        defer { offsets = [0] }
        let validity = takeValidity()
        return ListArray(field.type, offsets: offsets, child: item.finish(), validity: validity)
    }
}

/// Maps from an array of `{"key": k, "value": v}` objects (Lode's canonical form) or
/// from a JSON object `{k: v, …}` whose keys are read as the key type.
final class JSONMapColumn: JSONColumn {
    private let entries: JSONStructColumn
    @exclusivity(unchecked) private var offsets: [Int32] = [0]

    init(_ field: Field, key: Field, value: Field, _ options: JSONColumnOptions) {
        entries = JSONStructColumn(Field("entries", .struct([key, value]), nullable: false),
                                   fields: [key, value], options, rejectUnknownKeys: true)
        super.init(field)
    }

    override func parse(_ s: inout JSONScanner) throws {
        if try s.consumeNull() { return try appendNull() }
        switch s.current {
        case UInt8(ascii: "["):
            s.position += 1
            s.skipWhitespace()
            if s.current == UInt8(ascii: "]") {
                s.position += 1
            } else {
                while true {
                    try entries.parse(&s)
                    s.skipWhitespace()
                    let c = s.current
                    if c == UInt8(ascii: ",") {
                        s.position += 1
                        s.skipWhitespace()
                        continue
                    }
                    if c == UInt8(ascii: "]") {
                        s.position += 1
                        break
                    }
                    throw RowFailure("invalid JSON: expected ',' or ']' \(s.foundDescription)")
                }
            }
        case UInt8(ascii: "{"):
            try parseObjectForm(&s)
        default:
            throw mismatch(s, expected: "an array of key/value objects or an object")
        }
        guard entries.count <= Int(Int32.max) else { throw RowFailure("map holds more than 2^31 entries in one batch") }
        offsets.append(Int32(entries.count))
        markValid()
    }

    private func parseObjectForm(_ s: inout JSONScanner) throws {
        s.position += 1
        s.skipWhitespace()
        if s.current == UInt8(ascii: "}") {
            s.position += 1
            return
        }
        let key = entries.children[0], value = entries.children[1]
        while true {
            guard s.current == ASCII.quote else { throw RowFailure("invalid JSON: expected a key \(s.foundDescription)") }
            try key.parse(&s)
            try s.expect(UInt8(ascii: ":"), "':'")
            s.skipWhitespace()
            try value.parse(&s)
            entries.appendPresent()
            s.skipWhitespace()
            let c = s.current
            if c == UInt8(ascii: ",") {
                s.position += 1
                s.skipWhitespace()
                continue
            }
            if c == UInt8(ascii: "}") {
                s.position += 1
                return
            }
            throw RowFailure("invalid JSON: expected ',' or '}' \(s.foundDescription)")
        }
    }

    override func appendEmptyValue() { offsets.append(offsets[offsets.count - 1]) }

    override func truncate(to n: Int) {
        super.truncate(to: n)
        offsets.removeLast(offsets.count - n - 1)
        entries.truncate(to: Int(offsets[n]))
    }

    override func finish() -> any ColumnArray {
        defer { offsets = [0] }
        let validity = takeValidity()
        return ListArray(field.type, offsets: offsets, child: entries.finish(), validity: validity)
    }
}
