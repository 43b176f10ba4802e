import LodeCore

/// Text parsed into numbers, decimals, booleans, dates and timestamps.
enum CastFromText {
    static func apply(_ text: BinaryArray, to target: DataType, isTry: Bool) throws -> any ColumnArray {
        switch target {
        case .boolean:
            var builder = BooleanBuilder(capacity: text.count)
            try parse(text, target, isTry, append: { builder.append($0) }, null: { builder.appendNull() }) { s in
                switch s.lowercased() {
                case "true", "t", "1", "yes", "y", "on": return true
                case "false", "f", "0", "no", "n", "off": return false
                default: return nil
                }
            }
            return builder.finish()
        case .int8: return try bytes(text, target, isTry) { parseInt64($0).flatMap { Int8(exactly: $0) } }
        case .int16: return try bytes(text, target, isTry) { parseInt64($0).flatMap { Int16(exactly: $0) } }
        case .int32: return try bytes(text, target, isTry) { parseInt64($0).flatMap { Int32(exactly: $0) } }
        case .int64: return try bytes(text, target, isTry) { parseInt64($0) }
        case .float32: return try primitive(text, target, isTry) { parseDouble($0).map { Float($0) } }
        case .float64: return try primitive(text, target, isTry) { parseDouble($0) }
        case .decimal(let p, let s):
            return try primitive(text, target, isTry) { Decimal128(parsing: $0, precision: p, scale: s)?.unscaled }
        case .date: return try bytes(text, target, isTry) { ISOTemporal.parseDate($0) }
        case .timestamp(let unit, _): return try bytes(text, target, isTry) { ISOTemporal.parseTimestamp($0, unit: unit)?.value }
        default: throw ExecutionError(.conversion, "unimplemented cast from VARCHAR to \(target)")
        }
    }

    static func parseDouble(_ s: Substring) -> Double? {
        switch s.lowercased() {
        case "inf", "infinity", "+inf", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan": return .nan
        default: return Double(s)
        }
    }

    /// Each row's bytes, trimmed of spaces, parsed with `op` without making a String.
    static func bytes<R: FixedWidthValue>(
        _ text: BinaryArray, _ target: DataType, _ isTry: Bool, _ op: (ByteSpan) -> R?
    ) throws -> PrimitiveArray<R> {
        var builder = PrimitiveBuilder<R>(target, capacity: text.count)
        try text.bytes.withUnsafeBufferPointer { all in
            try text.offsets.withUnsafeBufferPointer { offsets in
                for i in 0..<text.count {
                    if text.isNull(i) { builder.appendNull(); continue }
                    var start = Int(offsets[i]), end = Int(offsets[i + 1])
                    while start < end, isSpace(all[start]) { start += 1 }
                    while end > start, isSpace(all[end - 1]) { end -= 1 }
                    if let value = op(ByteSpan(rebasing: all[start..<end])) {
                        builder.append(value)
                        continue
                    }
                    guard isTry else { throw Cast.failure(.string(text.string(at: i)), .string, target) }
                    builder.appendNull()
                }
            }
        }
        return builder.finish()
    }

    @inline(__always)
    private static func isSpace(_ c: UInt8) -> Bool { c == ASCII.space || c == ASCII.tab || c == ASCII.lf || c == ASCII.cr }

    static func primitive<R: FixedWidthValue>(
        _ text: BinaryArray, _ target: DataType, _ isTry: Bool, _ op: (Substring) -> R?
    ) throws -> PrimitiveArray<R> {
        var builder = PrimitiveBuilder<R>(target, capacity: text.count)
        try parse(text, target, isTry, append: { builder.append($0) }, null: { builder.appendNull() }, op)
        return builder.finish()
    }

    /// Each row trimmed of spaces and parsed with `op`.
    @inline(__always)
    static func parse<R>(
        _ text: BinaryArray, _ target: DataType, _ isTry: Bool,
        append: (R) -> Void, null: () -> Void, _ op: (Substring) -> R?
    ) throws {
        for i in 0..<text.count {
            if text.isNull(i) { null(); continue }
            let s = text.string(at: i)
            if let r = op(s.trimmingSpaces) { append(r); continue }
            guard isTry else { throw Cast.failure(.string(s), .string, target) }
            null()
        }
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[first...last]
    }
}
