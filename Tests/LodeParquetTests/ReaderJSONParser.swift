import Foundation

/// A minimal JSON parser for the expected-value files: integers stay exact
/// `Int64`, other numbers are parsed by `Double(_:)` (correctly rounded), unlike
/// `JSONSerialization` on Linux.
struct ReaderJSONParser {
    private let bytes: [UInt8]
    private var index = 0

    static func parse(_ text: Substring) throws -> Any {
        var parser = ReaderJSONParser(bytes: Array(text.utf8))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.index == parser.bytes.count else { throw ParseError(message: "trailing text") }
        return value
    }

    struct ParseError: Error { var message: String }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[index]) { index += 1 }
    }

    private mutating func expect(_ literal: String) throws {
        for byte in literal.utf8 {
            guard index < bytes.count, bytes[index] == byte else { throw ParseError(message: "expected \(literal)") }
            index += 1
        }
    }

    private mutating func value() throws -> Any {
        skipSpace()
        guard index < bytes.count else { throw ParseError(message: "unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var object: [String: Any] = [:]
            skipSpace()
            if bytes[index] == UInt8(ascii: "}") { index += 1; return object }
            while true {
                skipSpace()
                let key = try string()
                skipSpace()
                try expect(":")
                object[key] = try value()
                skipSpace()
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                try expect("}")
                return object
            }
        case UInt8(ascii: "["):
            index += 1
            var array: [Any] = []
            skipSpace()
            if bytes[index] == UInt8(ascii: "]") { index += 1; return array }
            while true {
                array.append(try value())
                skipSpace()
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                try expect("]")
                return array
            }
        case UInt8(ascii: "\""): return try string()
        case UInt8(ascii: "t"): try expect("true"); return true
        case UInt8(ascii: "f"): try expect("false"); return false
        case UInt8(ascii: "n"): try expect("null"); return NSNull()
        default: return try number()
        }
    }

    private mutating func number() throws -> Any {
        let start = index
        while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if let integer = Int64(text) { return integer }
        guard let double = Double(text) else { throw ParseError(message: "bad number \(text)") }
        return double
    }

    private mutating func string() throws -> String {
        try expect("\"")
        var scalars = String.UnicodeScalarView()
        var pendingHigh: UInt32? = nil
        var run: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars)
            run.removeAll()
        }
        while true {
            guard index < bytes.count else { throw ParseError(message: "unterminated string") }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { flush(); return String(scalars) }
            if byte != UInt8(ascii: "\\") { run.append(byte); continue }
            flush()
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{c}")
            case UInt8(ascii: "u"):
                let hex = String(decoding: bytes[index..<(index + 4)], as: UTF8.self)
                index += 4
                guard let code = UInt32(hex, radix: 16) else { throw ParseError(message: "bad escape") }
                if (0xD800..<0xDC00).contains(code) {
                    pendingHigh = code
                } else if (0xDC00..<0xE000).contains(code), let high = pendingHigh {
                    scalars.append(Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00))!)
                    pendingHigh = nil
                } else if let scalar = Unicode.Scalar(code) {
                    scalars.append(scalar)
                }
            default: scalars.append(Unicode.Scalar(escape))
            }
        }
    }
}
