import LodeCore
/// Reads the values of tokenized fields: undoes quotes and escapes, recognizes nulls.
final class CSVCellReader {
    let quote: UInt8?
    let escape: UInt8?
    /// Texts that read as null when unquoted (the empty text excluded).
    let nullTexts: [[UInt8]]
    /// Whether an empty unquoted field is null in a string column.
    let emptyIsNull: Bool
    private var scratch: UnsafeMutablePointer<UInt8>
    private var scratchCapacity = 256

    init(quote: UInt8?, escape: UInt8?, nullValues: [String]) {
        self.quote = quote
        self.escape = escape == quote ? nil : escape
        nullTexts = nullValues.filter { !$0.isEmpty }.map { Array($0.utf8) }
        emptyIsNull = nullValues.contains("")
        scratch = .allocate(capacity: scratchCapacity)
    }

    deinit { scratch.deallocate() }

    /// The content of the field `start..<end` with `flags`, unescaped if needed. The
    /// result may point into a scratch buffer valid until the next call.
    @inline(__always)
    func content(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, _ flags: UInt8) -> ByteSpan {
        if flags & CSVRows.escaped == 0 { return ByteSpan(start: p + start, count: end - start) }
        return unescape(p, start, end, quoted: flags & CSVRows.quoted != 0)
    }

    private func unescape(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, quoted: Bool) -> ByteSpan {
        let length = end - start
        if length > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = max(length, scratchCapacity * 2)
            scratch = .allocate(capacity: scratchCapacity)
        }
        var out = 0
        var i = start
        while i < end {
            let c = p[i]
            if let escape, c == escape, i + 1 < end {
                scratch[out] = p[i + 1]
                i += 2
            } else if quoted, let quote, c == quote, i + 1 < end, p[i + 1] == quote {
                scratch[out] = quote
                i += 2
            } else {
                scratch[out] = c
                i += 1
            }
            out += 1
        }
        return ByteSpan(start: scratch, count: out)
    }

    /// Whether a field of a string column is null: only unquoted fields can be.
    @inline(__always)
    func isNullString(_ value: ByteSpan, _ flags: UInt8) -> Bool {
        if flags & CSVRows.quoted != 0 { return false }
        if value.isEmpty { return emptyIsNull }
        return matchesNullText(value)
    }

    /// Whether a field of a non-string column is null: empty (after trimming blanks)
    /// or one of the null texts.
    @inline(__always)
    func isNullValue(_ value: ByteSpan) -> Bool {
        value.isEmpty || (!nullTexts.isEmpty && matchesNullText(value))
    }

    @inline(__always)
    private func matchesNullText(_ value: ByteSpan) -> Bool {
        for text in nullTexts where text.count == value.count {
            if text.withUnsafeBufferPointer({ $0.elementsEqual(value) }) { return true }
        }
        return false
    }
}

/// A short, printable rendering of a field for error messages.
func quotedForMessage(_ value: ByteSpan) -> String {
    let limit = 48
    let text = String(decoding: value.prefix(limit), as: UTF8.self)
    return "'" + text + (value.count > limit ? "…" : "") + "'"
}
