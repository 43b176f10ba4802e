import Foundation
import LodeCore

/// A compiled `LIKE` pattern: `%` matches any run of characters, `_` one character, and
/// the escape character makes the next one literal. Common shapes get a direct test.
struct LikePattern: Sendable {
    enum Token: Equatable, Sendable {
        case literal(UInt8)
        case anyCharacter
        case anyRun
    }

    enum Shape: Sendable {
        case exact([UInt8])
        case prefix([UInt8])
        case suffix([UInt8])
        case contains([UInt8])
        case general([Token])
    }

    let shape: Shape

    init(_ pattern: [UInt8], escape: UInt8?) throws {
        var tokens: [Token] = []
        var i = 0
        while i < pattern.count {
            let c = pattern[i]
            if let escape, c == escape {
                guard i + 1 < pattern.count else {
                    throw ExecutionError(.invalidInput, "LIKE pattern must not end with the escape character")
                }
                tokens.append(.literal(pattern[i + 1]))
                i += 2
                continue
            }
            switch c {
            case UInt8(ascii: "%"): if tokens.last != .anyRun { tokens.append(.anyRun) }
            case UInt8(ascii: "_"): tokens.append(.anyCharacter)
            default: tokens.append(.literal(c))
            }
            i += 1
        }
        let literals = tokens.compactMap { if case .literal(let b) = $0 { return b } else { return nil } }
        let wildcards = tokens.count - literals.count
        let startsWithRun = tokens.first == .anyRun, endsWithRun = tokens.last == .anyRun
        if !tokens.contains(.anyCharacter) {
            if wildcards == 0 { shape = .exact(literals); return }
            if wildcards == 1 && endsWithRun { shape = .prefix(literals); return }
            if wildcards == 1 && startsWithRun { shape = .suffix(literals); return }
            if wildcards == 2 && startsWithRun && endsWithRun && tokens.count >= 2 { shape = .contains(literals); return }
        }
        shape = .general(tokens)
    }

    /// Whether `text` matches the whole pattern.
    @inline(__always)
    func matches(_ text: UnsafeRawBufferPointer) -> Bool {
        switch shape {
        case .exact(let p): return p.withUnsafeBytes { compareBytes(text, $0) == 0 }
        case .prefix(let p):
            return text.count >= p.count && p.withUnsafeBytes { compareBytes(UnsafeRawBufferPointer(rebasing: text[0..<p.count]), $0) == 0 }
        case .suffix(let p):
            return text.count >= p.count
                && p.withUnsafeBytes { compareBytes(UnsafeRawBufferPointer(rebasing: text[(text.count - p.count)...]), $0) == 0 }
        case .contains(let p): return ByteSearch.find(p, in: text) != nil
        case .general(let tokens): return LikePattern.match(tokens, text)
        }
    }

    /// Whether each of the first `count` values of `text` matches; one loop per shape.
    func matchColumn(_ text: BinaryArray, count: Int) -> [Bool] {
        text.bytes.withUnsafeBytes { bytes in
            text.offsets.withUnsafeBufferPointer { offsets in
                @inline(__always) func each(_ test: (Int, Int) -> Bool) -> [Bool] {
                    [Bool](unsafeUninitializedCapacity: count) { out, initialized in
                        for i in 0..<count { out.initializeElement(at: i, to: test(Int(offsets[i]), Int(offsets[i + 1]))) }
                        initialized = count
                    }
                }
                guard let base = bytes.baseAddress else { return each { lo, hi in matches(UnsafeRawBufferPointer(rebasing: bytes[lo..<hi])) } }
                switch shape {
                case .exact(let p):
                    return p.withUnsafeBytes { pattern in
                        guard let start = pattern.baseAddress else { return each { lo, hi in hi == lo } }
                        return each { lo, hi in hi - lo == pattern.count && memcmp(base + lo, start, pattern.count) == 0 }
                    }
                case .prefix(let p):
                    return p.withUnsafeBytes { pattern in
                        guard let start = pattern.baseAddress else { return each { _, _ in true } }
                        return each { lo, hi in hi - lo >= pattern.count && memcmp(base + lo, start, pattern.count) == 0 }
                    }
                case .suffix(let p):
                    return p.withUnsafeBytes { pattern in
                        guard let start = pattern.baseAddress else { return each { _, _ in true } }
                        return each { lo, hi in hi - lo >= pattern.count && memcmp(base + hi - pattern.count, start, pattern.count) == 0 }
                    }
                default:
                    return each { lo, hi in matches(UnsafeRawBufferPointer(rebasing: bytes[lo..<hi])) }
                }
            }
        }
    }

    /// Wildcard matching with backtracking to the last `%`; `_` consumes one UTF-8 character.
    static func match(_ tokens: [Token], _ text: UnsafeRawBufferPointer) -> Bool {
        var t = 0, s = 0
        var starToken = -1, starText = 0
        @inline(__always) func characterLength(at i: Int) -> Int {
            var n = 1
            while i + n < text.count, text[i + n] & 0xC0 == 0x80 { n += 1 }
            return n
        }
        while s < text.count {
            if t < tokens.count {
                switch tokens[t] {
                case .anyRun:
                    starToken = t
                    starText = s
                    t += 1
                    continue
                case .anyCharacter:
                    s += characterLength(at: s)
                    t += 1
                    continue
                case .literal(let b) where b == text[s]:
                    s += 1
                    t += 1
                    continue
                default: break
                }
            }
            guard starToken >= 0 else { return false }
            t = starToken + 1
            starText += characterLength(at: starText)
            s = starText
        }
        while t < tokens.count, tokens[t] == .anyRun { t += 1 }
        return t == tokens.count
    }
}

/// Substring search over bytes.
enum ByteSearch {
    /// The offset of the first occurrence of `needle` in `haystack`.
    @inline(__always)
    static func find(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer, from start: Int = 0) -> Int? {
        if needle.isEmpty { return start <= haystack.count ? start : nil }
        guard haystack.count - start >= needle.count, let base = haystack.baseAddress else { return nil }
        return needle.withUnsafeBytes { n -> Int? in
            guard let nbase = n.baseAddress else { return nil }
            let first = needle[0], last = haystack.count - needle.count
            var i = start
            while i <= last {
                if haystack[i] == first && memcmp(base + i, nbase, needle.count) == 0 { return i }
                i += 1
            }
            return nil
        }
    }
}
