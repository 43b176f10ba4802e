#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reads lines from a terminal in raw mode, with editing keys and a history kept in a
/// file: ←/→, Home/End (Ctrl-A/E), Backspace/Delete, Ctrl-U/K, ↑/↓ through earlier
/// entries, Ctrl-C to drop the line, Ctrl-D on an empty line to end.
final class LineEditor {
    /// What ``readLine(prompt:)`` returns for Ctrl-C.
    static let interrupt = "\u{3}"
    private let historyPath: String
    private var history: [String] = []
    private let limit = 1000

    init(historyPath: String) {
        self.historyPath = historyPath
        if let text = try? String(contentsOfFile: historyPath, encoding: .utf8) {
            history = Array(text.split(separator: "\n").map(String.init).suffix(limit))
        }
    }

    /// Adds an entry to the history and its file.
    func remember(_ entry: String) {
        let line = entry.replacingOccurrences(of: "\n", with: " ")
        guard !line.isEmpty, history.last != line else { return }
        history.append(line)
        if let handle = FileHandle(forWritingAtPath: historyPath) ?? {
            FileManager.default.createFile(atPath: historyPath, contents: nil)
            return FileHandle(forWritingAtPath: historyPath)
        }() {
            handle.seekToEndOfFile()
            handle.write(Data((line + "\n").utf8))
            try? handle.close()
        }
    }

    /// The next line without its newline, ``interrupt`` for Ctrl-C, `nil` at the end of input.
    func readLine(prompt: String) -> String? {
        var original = termios()
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &original) == 0 else {
            print(prompt, terminator: "")
            fflush(stdout)
            return Swift.readLine()
        }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
        defer { tcsetattr(STDIN_FILENO, TCSAFLUSH, &original) }

        var line: [Character] = []
        var cursor = 0
        var recalled = history.count
        var draft: [Character] = []
        func redraw() {
            var text = "\r" + prompt + String(line) + "\u{1B}[K"
            if cursor < line.count { text += "\u{1B}[\(line.count - cursor)D" }
            write(text)
        }
        write(prompt)
        while let byte = readByte() {
            switch byte {
            case 13, 10:
                write("\r\n")
                return String(line)
            case 3:
                write("^C\r\n")
                return Self.interrupt
            case 4:
                if line.isEmpty { write("\r\n"); return nil }
                if cursor < line.count { line.remove(at: cursor) }
            case 127, 8:
                if cursor > 0 { cursor -= 1; line.remove(at: cursor) }
            case 1: cursor = 0
            case 5: cursor = line.count
            case 21: line.removeFirst(cursor); cursor = 0
            case 11: line.removeLast(line.count - cursor)
            case 27:
                guard let next = readByte(), next == UInt8(ascii: "[") || next == UInt8(ascii: "O"), let key = readByte() else { break }
                switch key {
                case UInt8(ascii: "A"), UInt8(ascii: "B"):
                    let up = key == UInt8(ascii: "A")
                    if recalled == history.count { draft = line }
                    recalled = up ? max(0, recalled - 1) : min(history.count, recalled + 1)
                    line = recalled == history.count ? draft : Array(history[recalled])
                    cursor = line.count
                case UInt8(ascii: "C"): cursor = min(line.count, cursor + 1)
                case UInt8(ascii: "D"): cursor = max(0, cursor - 1)
                case UInt8(ascii: "H"): cursor = 0
                case UInt8(ascii: "F"): cursor = line.count
                case UInt8(ascii: "3"):
                    if readByte() == UInt8(ascii: "~"), cursor < line.count { line.remove(at: cursor) }
                default: break
                }
            default:
                guard byte >= 32 else { break }
                var bytes = [byte]
                let extra = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : byte >= 0xC0 ? 1 : 0
                for _ in 0..<extra { if let b = readByte() { bytes.append(b) } }
                for character in String(decoding: bytes, as: UTF8.self) {
                    line.insert(character, at: cursor)
                    cursor += 1
                }
            }
            redraw()
        }
        return line.isEmpty ? nil : String(line)
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        return read(STDIN_FILENO, &byte, 1) == 1 ? byte : nil
    }

    private func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
