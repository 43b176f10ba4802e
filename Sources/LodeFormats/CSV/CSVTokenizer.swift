import LodeCore
/// Splits CSV bytes into rows and fields (RFC 4180 and common variants).
///
/// A field that starts with the quote character is quoted: it may hold delimiters,
/// CR and LF, and a quote written twice (or preceded by the escape character). A
/// quote elsewhere is an ordinary character. Rows end at LF, CRLF or a lone CR
/// outside quotes. The tokenizer records field boundaries only; undoing doubled
/// quotes and escapes is left to whoever reads the field, which is rarely needed.
final class CSVTokenizer {
    let delimiter: UInt8
    let quote: UInt8?
    let escape: UInt8?
    /// Byte class table: which bytes end an unquoted run or a quoted run.
    private let classes: UnsafeMutablePointer<UInt8>

    private static let delimiterClass: UInt8 = 1
    private static let newlineClass: UInt8 = 2
    private static let quoteClass: UInt8 = 4
    private static let escapeClass: UInt8 = 8

    /// What ``tokenizeRow(_:count:from:atEndOfInput:skipEmptyLines:into:)`` found.
    enum Outcome {
        /// A row whose fields were appended; `end` is where its content ends, `next`
        /// where the next row starts, `lines` how many line ends it consumed.
        case row(end: Int, next: Int, lines: Int)
        /// An empty line, skipped.
        case blank(next: Int)
        /// The row is not complete in the bytes so far.
        case needMore
        /// A row that does not tokenize; reading resumes at `next`.
        case malformed(reason: String, end: Int, next: Int, lines: Int)
        /// No bytes left.
        case finished
    }

    init(delimiter: UInt8, quote: UInt8?, escape: UInt8?) {
        self.delimiter = delimiter
        self.quote = quote
        self.escape = escape == quote ? nil : escape
        classes = .allocate(capacity: 256)
        classes.initialize(repeating: 0, count: 256)
        classes[Int(delimiter)] |= CSVTokenizer.delimiterClass
        classes[Int(ASCII.lf)] |= CSVTokenizer.newlineClass
        classes[Int(ASCII.cr)] |= CSVTokenizer.newlineClass
        if let quote { classes[Int(quote)] |= CSVTokenizer.quoteClass }
        if let escape = self.escape { classes[Int(escape)] |= CSVTokenizer.escapeClass }
    }

    deinit { classes.deallocate() }

    /// Tokenizes the row starting at `start` in `p[0..<n]`, appending its fields to
    /// `rows`. Commits nothing unless the outcome is `.row`.
    func tokenizeRow(_ p: UnsafePointer<UInt8>, count n: Int, from start: Int, atEndOfInput: Bool,
                     skipEmptyLines: Bool, into rows: CSVRows) -> Outcome {
        let classes = self.classes
        let delimiter = self.delimiter
        var i = start
        guard i < n else { return atEndOfInput ? .finished : .needMore }
        let first = p[i]
        if skipEmptyLines && (first == ASCII.lf || first == ASCII.cr) {
            if first == ASCII.lf { return .blank(next: i + 1) }
            if i + 1 < n { return .blank(next: p[i + 1] == ASCII.lf ? i + 2 : i + 1) }
            return atEndOfInput ? .blank(next: i + 1) : .needMore
        }
        var field = rows.fieldCount
        var capacity = rows.fieldCapacity
        var starts = rows.starts, ends = rows.ends, flagBits = rows.flags
        @inline(__always) func appendField(_ s: Int, _ e: Int, _ f: UInt8) {
            if field == capacity {
                rows.growFields(keeping: field)
                capacity = rows.fieldCapacity
                starts = rows.starts
                ends = rows.ends
                flagBits = rows.flags
            }
            starts[field] = s
            ends[field] = e
            flagBits[field] = f
            field += 1
        }
        var lines = 0
        let quoteOrEscapeOrNewline = CSVTokenizer.quoteClass | CSVTokenizer.escapeClass | CSVTokenizer.newlineClass
        let unquotedStop = CSVTokenizer.delimiterClass | CSVTokenizer.newlineClass | CSVTokenizer.escapeClass
        let scanWords = escape == nil

        while true {
            if i < n && classes[Int(p[i])] & CSVTokenizer.quoteClass != 0 {
                // Quoted field.
                i += 1
                let contentStart = i
                var flags = CSVRows.quoted
                var contentEnd = 0
                while true {
                    while i < n && classes[Int(p[i])] & quoteOrEscapeOrNewline == 0 { i += 1 }
                    if i >= n {
                        return atEndOfInput ? unterminated(p, count: n, from: start) : .needMore
                    }
                    let c = p[i]
                    let cls = classes[Int(c)]
                    if cls & CSVTokenizer.quoteClass != 0 {
                        if i + 1 >= n {
                            if !atEndOfInput { return .needMore }
                        } else if p[i + 1] == c {
                            flags |= CSVRows.escaped
                            i += 2
                            continue
                        }
                        contentEnd = i
                        i += 1
                        break
                    }
                    if cls & CSVTokenizer.escapeClass != 0 {
                        guard i + 1 < n else {
                            return atEndOfInput ? unterminated(p, count: n, from: start) : .needMore
                        }
                        let escaped = p[i + 1]
                        if escaped == ASCII.lf || (escaped == ASCII.cr && (i + 2 >= n || p[i + 2] != ASCII.lf)) {
                            lines += 1
                        }
                        flags |= CSVRows.escaped
                        i += 2
                        continue
                    }
                    // A line end inside quotes.
                    if c == ASCII.cr {
                        if i + 1 >= n && !atEndOfInput { return .needMore }
                        if i + 1 < n && p[i + 1] == ASCII.lf { i += 1 }
                    }
                    lines += 1
                    i += 1
                }
                appendField(contentStart, contentEnd, flags)
                if i >= n {
                    guard atEndOfInput else { return .needMore }
                    rows.commitFields(field)
                    return .row(end: n, next: n, lines: lines)
                }
                let c = p[i]
                if c == delimiter {
                    i += 1
                    continue
                }
                if c != ASCII.lf && c != ASCII.cr {
                    return textAfterQuote(p, count: n, at: i, atEndOfInput: atEndOfInput, lines: lines)
                }
            } else {
                // Unquoted field.
                let fieldStart = i
                var flags: UInt8 = 0
                if scanWords {
                    i = scanUnquoted(p, from: i, count: n)
                } else {
                    while true {
                        while i < n && classes[Int(p[i])] & unquotedStop == 0 { i += 1 }
                        if i < n && classes[Int(p[i])] & CSVTokenizer.escapeClass != 0 {
                            guard i + 1 < n else {
                                if !atEndOfInput { return .needMore }
                                i += 1
                                break
                            }
                            let escaped = p[i + 1]
                            if escaped == ASCII.lf || (escaped == ASCII.cr && (i + 2 >= n || p[i + 2] != ASCII.lf)) {
                                lines += 1
                            }
                            flags |= CSVRows.escaped
                            i += 2
                            continue
                        }
                        break
                    }
                }
                if i >= n {
                    guard atEndOfInput else { return .needMore }
                    appendField(fieldStart, n, flags)
                    rows.commitFields(field)
                    return .row(end: n, next: n, lines: lines)
                }
                appendField(fieldStart, i, flags)
                if p[i] == delimiter {
                    i += 1
                    continue
                }
            }
            // p[i] is CR or LF: the row ends.
            let end = i
            if p[i] == ASCII.cr {
                if i + 1 < n {
                    i += p[i + 1] == ASCII.lf ? 2 : 1
                } else if atEndOfInput {
                    i += 1
                } else {
                    return .needMore
                }
            } else {
                i += 1
            }
            rows.commitFields(field)
            return .row(end: end, next: i, lines: lines + 1)
        }
    }

    /// The offset of the first delimiter, CR or LF at or after `i` (or `n`), eight
    /// bytes at a time.
    @inline(__always)
    private func scanUnquoted(_ p: UnsafePointer<UInt8>, from start: Int, count n: Int) -> Int {
        var i = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let delimiters = ones &* UInt64(delimiter)
        let crs = ones &* UInt64(ASCII.cr)
        let lfs = ones &* UInt64(ASCII.lf)
        while i + 8 <= n {
            let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            let d = word ^ delimiters, c = word ^ crs, l = word ^ lfs
            let found = ((d &- ones) & ~d | (c &- ones) & ~c | (l &- ones) & ~l) & highs
            if found != 0 { return i + found.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < n {
            let c = p[i]
            if c == delimiter || c == ASCII.lf || c == ASCII.cr { return i }
            i += 1
        }
        return n
    }

    /// The outcome for a quote never closed: the row's first physical line is bad and
    /// reading resumes on the next line.
    private func unterminated(_ p: UnsafePointer<UInt8>, count n: Int, from start: Int) -> Outcome {
        let (end, next) = lineEnd(p, count: n, from: start, atEndOfInput: true) ?? (n, n)
        return .malformed(reason: "unterminated quoted field", end: end, next: next, lines: next > end ? 1 : 0)
    }

    /// The outcome for characters after a closing quote: the row up to the end of the
    /// current line is bad.
    private func textAfterQuote(_ p: UnsafePointer<UInt8>, count n: Int, at i: Int, atEndOfInput: Bool,
                                lines: Int) -> Outcome {
        guard let (end, next) = lineEnd(p, count: n, from: i, atEndOfInput: atEndOfInput) else { return .needMore }
        let c = p[i]
        let shown = c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x\(String(c, radix: 16))"
        return .malformed(reason: "unexpected \(shown) after a closing quote", end: end, next: next,
                          lines: lines + (next > end ? 1 : 0))
    }

    /// Where the physical line containing `from` ends and the next begins; `nil` when
    /// more bytes are needed to tell.
    func lineEnd(_ p: UnsafePointer<UInt8>, count n: Int, from: Int, atEndOfInput: Bool) -> (end: Int, next: Int)? {
        var j = from
        while j < n && p[j] != ASCII.lf && p[j] != ASCII.cr { j += 1 }
        if j >= n { return atEndOfInput ? (n, n) : nil }
        if p[j] == ASCII.lf { return (j, j + 1) }
        if j + 1 < n { return (j, p[j + 1] == ASCII.lf ? j + 2 : j + 1) }
        return atEndOfInput ? (j, j + 1) : nil
    }
}
