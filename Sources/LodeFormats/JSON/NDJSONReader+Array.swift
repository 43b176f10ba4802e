import LodeCore

/// Telling a JSON array from newline-delimited JSON, and sampling an array's schema.
extension NDJSONReader {
    /// Where the elements of the file's top-level array start (just after `[`), or
    /// `nil` when the file is read as lines.
    ///
    /// For ``JSONFormat/auto`` and ``JSONFormat/array`` the leading whitespace is
    /// skipped: whole blank lines are dropped from the window and counted, leaving
    /// `lineStart` at the start of the line that holds the first other byte (where
    /// lines are then read) and `line` its number. A whitespace-only file has no
    /// array in either format; under ``JSONFormat/array`` anything but `[` first is
    /// an error.
    static func arrayStart(_ window: ByteWindow, _ format: JSONFormat,
                           lineStart: inout Int, line: inout Int) throws -> Int? {
        guard format != .newlineDelimited else { return nil }
        var i = lineStart
        while true {
            let base = window.base
            while i < window.count {
                switch base[i] {
                case ASCII.lf:
                    line += 1
                    lineStart = i + 1
                case ASCII.space, ASCII.tab, ASCII.cr:
                    break
                case UInt8(ascii: "["):
                    return i + 1
                default:
                    guard format == .auto else {
                        throw FormatError(.badRow, "expected a JSON array starting with '[', found \(byteDescription(base[i]))",
                                          file: window.path, line: line)
                    }
                    return nil
                }
                i += 1
            }
            if window.isExhausted { return nil }
            window.discard(upTo: lineStart)
            i -= lineStart
            lineStart = 0
            try window.fill()
        }
    }

    /// The schema of the first `options.inferenceRows` well-formed elements of the
    /// array whose elements start at `start`, read without consuming them. Sampling
    /// stops early at an overlong element or where the array is malformed; reading
    /// reports those.
    static func inferArraySchema(_ window: ByteWindow, from start: Int, line: Int, _ options: NDJSONReadOptions,
                                 _ scratch: ScratchBuffer) -> Schema {
        let node = JSONTypeNode()
        let elements = JSONArrayElements(window: window, position: start, line: line,
                                         maxElementBytes: options.maxRowBytes, retainsInput: true)
        var sampled = 0
        while sampled < options.inferenceRows, case .complete(let bytes, _)? = try? elements.next(reading: { _ in nil }) {
            if node.observeRow(bytes, scratch: scratch) { sampled += 1 }
        }
        return Schema(node.schemaFields)
    }
}
