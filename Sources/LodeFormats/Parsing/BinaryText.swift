import LodeCore
/// How binary values are spelled in text formats.
public enum BinaryTextEncoding: String, Sendable, Hashable {
    /// RFC 4648 base64 with padding (`3q2+7w==`), the default: compact, and what
    /// Lode's NDJSON always uses.
    case base64
    /// Lower-case hexadecimal, two digits a byte (`deadbeef`).
    case hex
}

private let base64Alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

/// Decoding table: alphabet byte → 6-bit value, 0xFF for anything else.
private let base64Values: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (i, c) in base64Alphabet.enumerated() { table[Int(c)] = UInt8(i) }
    return table
}()

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

/// Appends `bytes` encoded in `encoding` to `out`.
func appendBinaryText(_ bytes: ByteSpan, _ encoding: BinaryTextEncoding, to out: inout [UInt8]) {
    switch encoding {
    case .base64: appendBase64(bytes, to: &out)
    case .hex:
        out.reserveCapacity(out.count + bytes.count * 2)
        for b in bytes {
            out.append(hexDigits[Int(b >> 4)])
            out.append(hexDigits[Int(b & 15)])
        }
    }
}

/// Appends `bytes` decoded from `encoding` to `out`; `false` (with `out` unchanged)
/// if the text is not valid in that encoding.
func appendDecodedBinary(_ text: ByteSpan, _ encoding: BinaryTextEncoding, to out: inout [UInt8]) -> Bool {
    switch encoding {
    case .base64: return appendBase64Decoded(text, to: &out)
    case .hex:
        guard text.count % 2 == 0 else { return false }
        let start = out.count
        var i = 0
        while i < text.count {
            guard let high = hexValue(text[i]), let low = hexValue(text[i + 1]) else {
                out.removeLast(out.count - start)
                return false
            }
            out.append(high << 4 | low)
            i += 2
        }
        return true
    }
}

/// Appends the padded base64 encoding of `bytes` to `out`.
func appendBase64(_ bytes: ByteSpan, to out: inout [UInt8]) {
    let n = bytes.count
    out.reserveCapacity(out.count + (n + 2) / 3 * 4)
    var i = 0
    while i + 3 <= n {
        let v = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
        out.append(base64Alphabet[Int(v >> 18)])
        out.append(base64Alphabet[Int(v >> 12 & 63)])
        out.append(base64Alphabet[Int(v >> 6 & 63)])
        out.append(base64Alphabet[Int(v & 63)])
        i += 3
    }
    let rest = n - i
    if rest > 0 {
        let v = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
        out.append(base64Alphabet[Int(v >> 18)])
        out.append(base64Alphabet[Int(v >> 12 & 63)])
        out.append(rest == 2 ? base64Alphabet[Int(v >> 6 & 63)] : UInt8(ascii: "="))
        out.append(UInt8(ascii: "="))
    }
}

/// Appends the bytes that base64 `text` encodes; padding may be left out.
/// Returns `false` (with `out` unchanged) on any other character or a bad length.
func appendBase64Decoded(_ text: ByteSpan, to out: inout [UInt8]) -> Bool {
    var n = text.count
    if n > 0, text[n - 1] == UInt8(ascii: "=") { n -= 1 }
    if n > 0, text[n - 1] == UInt8(ascii: "=") { n -= 1 }
    if n % 4 == 1 { return false }
    if n < text.count, text.count % 4 != 0 { return false }
    let start = out.count
    out.reserveCapacity(start + n / 4 * 3 + 2)
    var i = 0
    var accumulator: UInt32 = 0
    var bits = 0
    while i < n {
        let v = base64Values[Int(text[i])]
        if v == 0xFF {
            out.removeLast(out.count - start)
            return false
        }
        accumulator = accumulator << 6 | UInt32(v)
        bits += 6
        if bits >= 8 {
            bits -= 8
            out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
        }
        i += 1
    }
    return true
}
