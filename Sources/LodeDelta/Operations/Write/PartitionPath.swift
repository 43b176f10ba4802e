/// Hive-style partition directories (`col=value/`) and the URI-encoded paths the
/// log records for files inside them.
///
/// A directory name escapes the characters Hive and Spark escape
/// (`"#%'*/:=?\{[]^`, DEL and control characters) as `%XX`; a null (or empty) value
/// becomes `__HIVE_DEFAULT_PARTITION__`. The log's `add.path` is that relative path
/// URI-encoded once more (RFC 2396), so `x/y` lives in the folder `p=x%2Fy` and is
/// logged as `p=x%252Fy/part-….parquet`. Readers decode the log path exactly once.
public enum PartitionPath {
    /// `col=value/col2=value2` for the given columns and serialized values, in order.
    public static func directory(_ values: [(column: String, value: String?)]) -> String {
        values.map { column, value in
            let text: String
            if let value, !value.isEmpty { text = escape(value) } else { text = PartitionValue.hiveDefault }
            return escape(column) + "=" + text
        }.joined(separator: "/")
    }

    /// `text` with the characters Hive escapes in path names written as `%XX`.
    public static func escape(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if hiveEscapes(byte) { appendPercent(byte, to: &out) } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Reverses ``escape(_:)``: `%XX` with two hex digits becomes the byte, anything
    /// else stays as it is.
    public static func unescape(_ text: String) -> String {
        percentDecode(text)
    }

    /// A relative path as the log records it: every byte outside RFC 2396's path
    /// characters (unreserved, `/`, `:@&=+$,;`) written as `%XX`, non-ASCII as its
    /// UTF-8 bytes.
    public static func uriEncode(_ path: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(path.utf8.count)
        for byte in path.utf8 {
            if uriAllows(byte) { out.append(byte) } else { appendPercent(byte, to: &out) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `%XX` escapes once, the inverse of ``uriEncode(_:)``.
    public static func uriDecode(_ path: String) -> String {
        percentDecode(path)
    }

    static func hiveEscapes(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00...0x1F, 0x7F: return true
        case UInt8(ascii: "\""), UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "'"), UInt8(ascii: "*"),
             UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "?"), UInt8(ascii: "\\"),
             UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "^"):
            return true
        default: return false
        }
    }

    static func uriAllows(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "~"),
             UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "&"), UInt8(ascii: "="),
             UInt8(ascii: "+"), UInt8(ascii: "$"), UInt8(ascii: ","), UInt8(ascii: ";"):
            return true
        default: return false
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func appendPercent(_ byte: UInt8, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "%"))
        out.append(hexDigits[Int(byte >> 4)])
        out.append(hexDigits[Int(byte & 0x0F)])
    }

    private static func percentDecode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "%")) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
