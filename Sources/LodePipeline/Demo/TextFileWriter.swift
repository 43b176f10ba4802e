import Foundation
import LodeCore

/// Writes a text file line by line through a large buffer, creating parent folders.
final class TextFileWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private(set) var lineCount = 0
    let path: String

    init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(1 << 20)
    }

    func write(line: String) throws {
        buffer.append(contentsOf: line.utf8)
        buffer.append(0x0A)
        lineCount += 1
        if buffer.count >= 1 << 20 { try flush() }
    }

    func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Text helpers for writing CSV and JSON by hand.
enum Text {
    /// A CSV field, quoted only when it must be.
    static func csv(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func csvRow(_ fields: [String]) -> String { fields.map(csv).joined(separator: ",") }

    /// A JSON string literal.
    static func json(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// A JSON object from ordered key/raw-JSON pairs.
    static func jsonObject(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { json($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    static func money(_ x: Double) -> String { String(format: "%.2f", x) }

    static func date(_ day: Int) -> String { Temporal.formatDate(Int32(day)) }

    /// `YYYY-MM-DD HH:MM:SS` of seconds since the epoch.
    static func timestamp(_ seconds: Int, separator: String = " ") -> String {
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let s = seconds - day * 86_400
        return date(day) + separator + String(format: "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
    }

}
