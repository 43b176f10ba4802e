import LodeCore
/// JSON string literals appended to a byte buffer.
extension Array where Element == UInt8 {
    /// `bytes` as a quoted JSON string: `"` and `\` escaped, control characters below
    /// 0x20 as `\n` `\r` `\t` `\b` `\f` or `\u00xx`, other characters (non-ASCII UTF-8
    /// included) as they are; invalid UTF-8 becomes U+FFFD.
    mutating func appendJSONString(_ bytes: ByteSpan) {
        append(ASCII.quote)
        guard let p = bytes.baseAddress else {
            append(ASCII.quote)
            return
        }
        let n = bytes.count
        var runStart = 0
        var i = 0
        while i < n {
            let c = p[i]
            if c >= 0x20 && c != ASCII.quote && c != ASCII.backslash && c < 0x80 {
                i += 1
                continue
            }
            if c >= 0x80 {
                let length = utf8SequenceLength(p, at: i, end: n)
                if length > 0 {
                    i += length
                    continue
                }
            }
            if runStart < i { append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: i - runStart)) }
            switch c {
            case ASCII.quote: appendASCII("\\\"")
            case ASCII.backslash: appendASCII("\\\\")
            case ASCII.lf: appendASCII("\\n")
            case ASCII.cr: appendASCII("\\r")
            case ASCII.tab: appendASCII("\\t")
            case 0x08: appendASCII("\\b")
            case 0x0C: appendASCII("\\f")
            case 0..<0x20:
                appendASCII("\\u00")
                append(hexDigit(c >> 4))
                append(hexDigit(c & 15))
            default:
                append(contentsOf: [0xEF, 0xBF, 0xBD])
            }
            i += 1
            runStart = i
        }
        if runStart < n { append(contentsOf: UnsafeBufferPointer(start: p + runStart, count: n - runStart)) }
        append(ASCII.quote)
    }

    mutating func appendJSONString(_ text: String) {
        var text = text
        text.withUTF8 { appendJSONString($0) }
    }
}

@inline(__always)
private func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? ASCII.zero + v : UInt8(ascii: "a") + v - 10 }
