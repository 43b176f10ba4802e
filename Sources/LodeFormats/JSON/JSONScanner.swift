import LodeCore
/// Why a row was rejected, with the column path where a value was at fault.
struct RowFailure: Error {
    var reason: String
    var column: String?

    init(_ reason: String, column: String? = nil) {
        self.reason = reason
        self.column = column
    }

    /// The same failure inside field `name`: its path gains `name` in front.
    func inside(_ name: String) -> RowFailure {
        RowFailure(reason, column: column.map { name + "." + $0 } ?? name)
    }
}

/// A cursor over the bytes of one JSON text (one NDJSON line), validating as it goes.
///
/// Strings are checked for escapes and well-formed UTF-8 while they are scanned, so
/// a string without escapes can be copied straight from the input.
struct JSONScanner {
    let base: UnsafePointer<UInt8>
    var position: Int
    let end: Int
    let scratch: ScratchBuffer
    /// Nesting depth of arrays and objects being skipped or captured.
    private var depth = 0
    static let maxDepth = 512

    init(_ bytes: ByteSpan, scratch: ScratchBuffer) {
        // An empty buffer may have no base address; any valid pointer with end 0 will do.
        base = bytes.baseAddress ?? UnsafePointer(scratch.pointer)
        position = 0
        end = bytes.count
        self.scratch = scratch
    }

    var isAtEnd: Bool { position >= end }

    /// The current byte, or 0 at the end.
    @inline(__always)
    var current: UInt8 { position < end ? base[position] : 0 }

    @inline(__always)
    mutating func skipWhitespace() {
        while position < end {
            let c = base[position]
            guard c == ASCII.space || c == ASCII.lf || c == ASCII.cr || c == ASCII.tab else { return }
            position += 1
        }
    }

    /// Consumes `c` (after whitespace) or fails with a message naming what was expected.
    @inline(__always)
    mutating func expect(_ c: UInt8, _ what: StaticString) throws {
        skipWhitespace()
        guard position < end, base[position] == c else { throw RowFailure("invalid JSON: expected \(what) \(foundDescription)") }
        position += 1
    }

    /// "at column N, found 'x'" for error messages.
    var foundDescription: String {
        guard position < end else { return "at end of line" }
        let c = base[position]
        let shown = c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x\(String(c, radix: 16))"
        return "at character \(position + 1), found \(shown)"
    }

    /// Consumes `null` if it is next.
    @inline(__always)
    mutating func consumeNull() throws -> Bool {
        guard current == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    /// Consumes `true` or `false`.
    mutating func boolean() throws -> Bool? {
        switch current {
        case UInt8(ascii: "t"): try literal("true"); return true
        case UInt8(ascii: "f"): try literal("false"); return false
        default: return nil
        }
    }

    mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard position + n <= end, memcmpEqual(base + position, word.utf8Start, n) else {
            throw RowFailure("invalid JSON: expected \(word) \(foundDescription)")
        }
        position += n
    }

    /// Scans a number, returning its bytes and whether it is written as an integer
    /// (no fraction, no exponent).
    mutating func number() throws -> (bytes: ByteSpan, isInteger: Bool) {
        let start = position
        var i = position
        if i < end && base[i] == ASCII.minus { i += 1 }
        guard i < end, ASCII.isDigit(base[i]) else { throw RowFailure("invalid JSON: bad number \(foundDescription)") }
        if base[i] == ASCII.zero {
            i += 1
        } else {
            while i < end && ASCII.isDigit(base[i]) { i += 1 }
        }
        var isInteger = true
        if i < end && base[i] == ASCII.dot {
            i += 1
            guard i < end, ASCII.isDigit(base[i]) else { throw RowFailure("invalid JSON: bad number fraction") }
            while i < end && ASCII.isDigit(base[i]) { i += 1 }
            isInteger = false
        }
        if i < end && base[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < end && (base[i] == ASCII.plus || base[i] == ASCII.minus) { i += 1 }
            guard i < end, ASCII.isDigit(base[i]) else { throw RowFailure("invalid JSON: bad number exponent") }
            while i < end && ASCII.isDigit(base[i]) { i += 1 }
            isInteger = false
        }
        position = i
        return (ByteSpan(start: base + start, count: i - start), isInteger)
    }

    /// Scans a string at the opening quote, checking escapes and UTF-8; returns the
    /// raw content range and whether it holds escapes.
    mutating func scanString() throws -> (start: Int, end: Int, escaped: Bool) {
        var i = position + 1
        let start = i
        var escaped = false
        while true {
            while i + 8 <= end {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if hasSpecialStringByte(word) { break }
                i += 8
            }
            while i < end {
                let c = base[i]
                if c == ASCII.quote || c == ASCII.backslash || c < 0x20 || c >= 0x80 { break }
                i += 1
            }
            guard i < end else { throw RowFailure("invalid JSON: unterminated string") }
            let c = base[i]
            if c == ASCII.quote {
                position = i + 1
                return (start, i, escaped)
            }
            if c == ASCII.backslash {
                escaped = true
                guard i + 1 < end else { throw RowFailure("invalid JSON: unterminated string") }
                switch base[i + 1] {
                case ASCII.quote, ASCII.backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    guard i + 6 <= end, (2..<6).allSatisfy({ hexValue(base[i + $0]) != nil }) else {
                        throw RowFailure("invalid JSON: bad \\u escape")
                    }
                    i += 6
                default:
                    throw RowFailure("invalid JSON: bad escape \\\(Character(Unicode.Scalar(base[i + 1])))")
                }
            } else if c < 0x20 {
                throw RowFailure("invalid JSON: control character 0x\(String(c, radix: 16)) in a string")
            } else {
                let length = utf8SequenceLength(base, at: i, end: end)
                guard length > 0 else { throw RowFailure("invalid UTF-8") }
                i += length
            }
        }
    }

    /// The decoded bytes of the string at the opening quote: the input itself when it
    /// has no escapes, else the scratch buffer (valid until the next call).
    mutating func stringValue() throws -> ByteSpan {
        let (start, stop, escaped) = try scanString()
        if !escaped { return ByteSpan(start: base + start, count: stop - start) }
        scratch.count = 0
        try decodeEscapes(start, stop) { scratch.append($0) }
        return ByteSpan(start: scratch.pointer, count: scratch.count)
    }

    /// Appends the decoded content of the string at the opening quote to `out`.
    mutating func appendString(to out: inout [UInt8]) throws {
        let (start, stop, escaped) = try scanString()
        if !escaped {
            out.append(contentsOf: ByteSpan(start: base + start, count: stop - start))
        } else {
            try decodeEscapes(start, stop) { out.append($0) }
        }
    }

    /// Decodes the escapes of a scanned string's content, passing each byte to `emit`.
    private func decodeEscapes(_ start: Int, _ stop: Int, _ emit: (UInt8) -> Void) throws {
        var i = start
        while i < stop {
            let c = base[i]
            guard c == ASCII.backslash else {
                emit(c)
                i += 1
                continue
            }
            let e = base[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "b"): emit(0x08)
            case UInt8(ascii: "f"): emit(0x0C)
            case UInt8(ascii: "n"): emit(ASCII.lf)
            case UInt8(ascii: "r"): emit(ASCII.cr)
            case UInt8(ascii: "t"): emit(ASCII.tab)
            case UInt8(ascii: "u"):
                var scalar = hex4(i)
                i += 4
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    guard i + 6 <= stop, base[i] == ASCII.backslash, base[i + 1] == UInt8(ascii: "u") else {
                        throw RowFailure("invalid JSON: unpaired surrogate in \\u escape")
                    }
                    let low = hex4(i + 2)
                    guard low >= 0xDC00 && low <= 0xDFFF else {
                        throw RowFailure("invalid JSON: unpaired surrogate in \\u escape")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    i += 6
                } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
                    throw RowFailure("invalid JSON: unpaired surrogate in \\u escape")
                }
                emitUTF8(scalar, emit)
            default: emit(e)
            }
        }
    }

    private func hex4(_ i: Int) -> UInt32 {
        var v: UInt32 = 0
        for k in 0..<4 { v = v << 4 | UInt32(hexValue(base[i + k]) ?? 0) }
        return v
    }

    /// Skips one value of any kind, validating it.
    mutating func skipValue() throws {
        skipWhitespace()
        switch current {
        case ASCII.quote: _ = try scanString()
        case UInt8(ascii: "{"):
            depth += 1
            guard depth <= JSONScanner.maxDepth else { throw RowFailure("JSON nested deeper than \(JSONScanner.maxDepth)") }
            position += 1
            skipWhitespace()
            if current == UInt8(ascii: "}") {
                position += 1
            } else {
                while true {
                    skipWhitespace()
                    guard current == ASCII.quote else { throw RowFailure("invalid JSON: expected a key \(foundDescription)") }
                    _ = try scanString()
                    try expect(UInt8(ascii: ":"), "':'")
                    try skipValue()
                    skipWhitespace()
                    if current == UInt8(ascii: ",") { position += 1; continue }
                    try expect(UInt8(ascii: "}"), "',' or '}'")
                    break
                }
            }
            depth -= 1
        case UInt8(ascii: "["):
            depth += 1
            guard depth <= JSONScanner.maxDepth else { throw RowFailure("JSON nested deeper than \(JSONScanner.maxDepth)") }
            position += 1
            skipWhitespace()
            if current == UInt8(ascii: "]") {
                position += 1
            } else {
                while true {
                    try skipValue()
                    skipWhitespace()
                    if current == UInt8(ascii: ",") { position += 1; continue }
                    try expect(UInt8(ascii: "]"), "',' or ']'")
                    break
                }
            }
            depth -= 1
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: _ = try number()
        }
    }

    /// Skips one value and returns its text as written.
    mutating func valueText() throws -> ByteSpan {
        skipWhitespace()
        let start = position
        try skipValue()
        return ByteSpan(start: base + start, count: position - start)
    }
}

/// Whether any byte of `word` is `"`, `\`, below 0x20 or from 0x80.
@inline(__always)
private func hasSpecialStringByte(_ word: UInt64) -> Bool {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    let quote = word ^ (ones &* 0x22)
    let backslash = word ^ (ones &* 0x5C)
    let quoteZero = (quote &- ones) & ~quote
    let backslashZero = (backslash &- ones) & ~backslash
    let control = (word &- ones &* 0x20) & ~word
    return (quoteZero | backslashZero | control | word) & highs != 0
}

@inline(__always)
func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
    default: return nil
    }
}

@inline(__always)
private func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    for i in 0..<n where a[i] != b[i] { return false }
    return true
}

/// Emits the UTF-8 bytes of a scalar value.
@inline(__always)
func emitUTF8(_ scalar: UInt32, _ emit: (UInt8) -> Void) {
    switch scalar {
    case 0..<0x80:
        emit(UInt8(scalar))
    case 0x80..<0x800:
        emit(UInt8(0xC0 | scalar >> 6))
        emit(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
        emit(UInt8(0xE0 | scalar >> 12))
        emit(UInt8(0x80 | scalar >> 6 & 0x3F))
        emit(UInt8(0x80 | scalar & 0x3F))
    default:
        emit(UInt8(0xF0 | scalar >> 18))
        emit(UInt8(0x80 | scalar >> 12 & 0x3F))
        emit(UInt8(0x80 | scalar >> 6 & 0x3F))
        emit(UInt8(0x80 | scalar & 0x3F))
    }
}

/// A reusable byte buffer for decoded strings.
final class ScratchBuffer {
    @exclusivity(unchecked) private(set) var pointer: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity = 256
    @exclusivity(unchecked) var count = 0

    init() { pointer = .allocate(capacity: capacity) }
    deinit { pointer.deallocate() }

    @inline(__always)
    func append(_ byte: UInt8) {
        if count == capacity { grow() }
        pointer[count] = byte
        count += 1
    }

    private func grow() {
        let newPointer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        newPointer.update(from: pointer, count: count)
        pointer.deallocate()
        pointer = newPointer
        capacity *= 2
    }
}
