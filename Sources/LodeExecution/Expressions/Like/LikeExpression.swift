import LodeCore

/// `value [I]LIKE pattern [ESCAPE e]`. A constant pattern is compiled once; a column of
/// patterns compiles each distinct pattern as rows change.
struct LikeExpression: PhysicalExpression {
    let value: any PhysicalExpression
    let pattern: any PhysicalExpression
    let escape: UInt8?
    /// The escape argument when it is not a constant (read per row).
    let escapeColumn: (any PhysicalExpression)?
    let caseInsensitive: Bool
    let compiled: LikePattern?

    var type: DataType { .boolean }

    static func make(_ arguments: [any PhysicalExpression], caseInsensitive: Bool) throws -> LikeExpression {
        var escape: UInt8? = nil
        var escapeColumn: (any PhysicalExpression)? = nil
        if arguments.count == 3 {
            if let literal = arguments[2] as? LiteralExpression, let text = literal.single as? BinaryArray {
                if !text.isNull(0) { escape = try escapeCharacter(text.bytes(at: 0)) }
            } else {
                escapeColumn = arguments[2]
            }
        }
        var compiled: LikePattern? = nil
        if escapeColumn == nil, let literal = arguments[1] as? LiteralExpression, let text = literal.single as? BinaryArray, !text.isNull(0) {
            let bytes = Array(text.bytes(at: 0))
            compiled = try LikePattern(caseInsensitive ? foldCase(bytes) : bytes, escape: escape)
        }
        return LikeExpression(value: arguments[0], pattern: arguments[1], escape: escape, escapeColumn: escapeColumn,
                              caseInsensitive: caseInsensitive, compiled: compiled)
    }

    func evaluate(_ batch: RecordBatch) throws -> any ColumnArray {
        let operand = try value.operand(batch)
        let text = try operand.binary()
        let count = operand.isConstant ? 1 : batch.count
        var result: BooleanArray
        if let compiled, !caseInsensitive {
            result = BooleanArray(storage: compiled.matchColumn(text, count: count), validity: count == text.count ? text.validity : text.validity?.slice(0..<count))
        } else if let compiled {
            result = matchAll(text, count: count) { _ in compiled }
        } else {
            let patterns = try pattern.operand(batch)
            let patternText = try patterns.binary()
            let patternCount = patterns.isConstant ? 1 : batch.count
            if patternText.isNull(0) && patterns.isConstant {
                return BooleanArray(storage: Array(repeating: false, count: batch.count), validity: Bitmap(count: batch.count, value: false))
            }
            let text = operand.isConstant ? (broadcast(text, count: batch.count) as? BinaryArray ?? text) : text
            let escapes = try escapeColumn.map { try $0.operand(batch) }
            let escapeText = try escapes?.binary()
            var last: ([UInt8], UInt8?, LikePattern)? = nil
            var failure: Error? = nil
            result = matchAll(text, count: patternCount == 1 && count == 1 ? 1 : batch.count) { i in
                let bytes = Array(patternText.bytes(at: patterns.isConstant ? 0 : i))
                let key = caseInsensitive ? LikeExpression.foldCase(bytes) : bytes
                var rowEscape = escape
                do {
                    if let escapes, let escapeText {
                        let k = escapes.isConstant ? 0 : i
                        rowEscape = escapeText.isNull(k) ? nil : try LikeExpression.escapeCharacter(escapeText.bytes(at: k))
                    }
                    if let last, last.0 == key, last.1 == rowEscape { return last.2 }
                    let compiled = try LikePattern(key, escape: rowEscape)
                    last = (key, rowEscape, compiled)
                    return compiled
                } catch {
                    failure = error
                    return nil
                }
            }
            if let failure { throw failure }
            result = BooleanArray(storage: result.storage, validity: Validity.and(result.validity, patterns.isConstant ? nil : patternText.validity))
        }
        return result.count != batch.count ? broadcast(result, count: batch.count) : result
    }

    private func matchAll(_ text: BinaryArray, count: Int, _ patternAt: (Int) -> LikePattern?) -> BooleanArray {
        var storage = [Bool](repeating: false, count: count)
        text.bytes.withUnsafeBytes { bytes in
            var folded: [UInt8] = []
            for i in 0..<count where !text.isNull(i) {
                guard let pattern = patternAt(i) else { continue }
                let slice = UnsafeRawBufferPointer(rebasing: bytes[Int(text.offsets[i])..<Int(text.offsets[i + 1])])
                if caseInsensitive {
                    folded = LikeExpression.foldCase(Array(slice))
                    storage[i] = folded.withUnsafeBytes { pattern.matches($0) }
                } else {
                    storage[i] = pattern.matches(slice)
                }
            }
        }
        return BooleanArray(storage: storage, validity: text.validity.map { $0.count == count ? $0 : $0.slice(0..<count) })
    }

    static func escapeCharacter(_ bytes: ArraySlice<UInt8>) throws -> UInt8? {
        guard bytes.count <= 1 else { throw ExecutionError(.invalidInput, "LIKE escape must be a single character") }
        return bytes.first
    }

    /// Lower-cased UTF-8 (ASCII directly, other text through Unicode case mapping).
    static func foldCase(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        }
        return Array(String(decoding: bytes, as: UTF8.self).lowercased().utf8)
    }

    var description: String { "\(value) \(caseInsensitive ? "ILIKE" : "LIKE") \(pattern)" }
}
