import LodeCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The elements of one JSON array, read in order from a ``ByteWindow``.
///
/// Starts just after the array's `[`. ``next(reading:)`` finds each element, checks
/// the `,` between elements, the closing `]` and that only whitespace follows it,
/// and counts lines so each element knows where it starts. An element is first
/// offered to the caller in place, as the bytes from its start to the end of the
/// window; a well-formed element is read in that one pass. Otherwise (the element is
/// bad, or not all in the window yet) ``JSONArrayFraming`` finds its extent, reading
/// more input as needed, and the element is returned whole. A malformed array — not closed, a missing or extra comma, text after the
/// `]` — throws a ``FormatError`` naming the file and line. Consumed bytes are
/// dropped from the window as more are read, so memory stays bounded by the largest
/// element plus a chunk, unless the elements are read ahead for inference
/// (`retainsInput`), which keeps every byte so they can be read again.
final class JSONArrayElements {
    /// One element, or the start of one too long to hold.
    enum Element {
        /// The element was read in place by the caller; it started on `line`.
        case read(line: Int)
        /// The element's bytes exactly as written, valid until the next call, and the
        /// 1-based line it starts on.
        case complete(ByteSpan, line: Int)
        /// An element longer than the limit: its first bytes (none when reading ahead)
        /// and the line it starts on. The rest was skipped.
        case overlong([UInt8], line: Int)
    }

    private enum Phase {
        /// After `[`: an element or `]`.
        case first
        /// After `,`: an element.
        case afterComma
        /// After an element: `,` or `]`.
        case separator
        /// After `]`: only whitespace.
        case trailing
        case done
    }

    private let window: ByteWindow
    private let maxElementBytes: Int
    private let retainsInput: Bool
    private var position: Int
    /// The 1-based line of ``position``.
    private(set) var line: Int
    private var phase = Phase.first
    private var framing = JSONArrayFraming()

    /// Elements from `position` (just after `[`), which is on line `line`. Elements
    /// longer than `maxElementBytes` are returned as ``Element/overlong(_:line:)``.
    init(window: ByteWindow, position: Int, line: Int, maxElementBytes: Int, retainsInput: Bool) {
        self.window = window
        self.position = position
        self.line = line
        self.maxElementBytes = maxElementBytes
        self.retainsInput = retainsInput
    }

    /// The next element, or `nil` once the array closed and only whitespace followed.
    ///
    /// `read` is offered the bytes from the element's start to the end of the window
    /// (at most the element limit); when they begin with a whole well-formed element
    /// it reads it and returns its length, else it returns `nil` and leaves no trace.
    func next(reading read: (ByteSpan) -> Int?) throws -> Element? {
        while true {
            switch phase {
            case .first, .afterComma:
                guard let c = try nextSignificantByte() else { throw notClosed() }
                if c == UInt8(ascii: "]") {
                    guard phase == .first else { throw malformed("expected an element after ',', found ']'") }
                    position += 1
                    phase = .trailing
                } else if c == UInt8(ascii: ",") {
                    throw malformed("expected an element, found ','")
                } else {
                    return try readElement(read)
                }
            case .separator:
                guard let c = try nextSignificantByte() else { throw notClosed() }
                switch c {
                case UInt8(ascii: ","):
                    position += 1
                    phase = .afterComma
                case UInt8(ascii: "]"):
                    position += 1
                    phase = .trailing
                default:
                    throw malformed("expected ',' or ']' after an element, found \(byteDescription(c))")
                }
            case .trailing:
                if let c = try nextSignificantByte() {
                    throw malformed("text after the closing ']', found \(byteDescription(c))")
                }
                phase = .done
                return nil
            case .done:
                return nil
            }
        }
    }

    /// Reads the element at ``position`` in place, or frames it, reading more input
    /// until it ends.
    private func readElement(_ read: (ByteSpan) -> Int?) throws -> Element {
        let startLine = line
        var start = position
        let available = min(window.count - start, maxElementBytes)
        if let length = read(ByteSpan(start: window.base + start, count: available)), length > 0, length <= available {
            line += lineFeeds(in: ByteSpan(start: window.base + start, count: length))
            position = start + length
            phase = .separator
            return .read(line: startLine)
        }
        var scanned = position
        framing.reset()
        while true {
            if let end = framing.scan(window.base, from: scanned, to: window.count) {
                line += framing.newlines
                position = end
                phase = .separator
                let length = end - start
                guard length <= maxElementBytes else { return .overlong(prefix(at: start), line: startLine) }
                return .complete(ByteSpan(start: window.base + start, count: length), line: startLine)
            }
            scanned = window.count
            if window.isExhausted { throw notClosed(insideElementFrom: startLine) }
            if scanned - start > maxElementBytes {
                if retainsInput {
                    phase = .done
                    return .overlong([], line: startLine)
                }
                return try skipOverlongElement(keeping: prefix(at: start), line: startLine)
            }
            let shift = try refill(keeping: start)
            start -= shift
            scanned -= shift
        }
    }

    /// Reads on to the end of an element too long to hold, dropping its bytes.
    private func skipOverlongElement(keeping raw: [UInt8], line startLine: Int) throws -> Element {
        while true {
            window.discard(upTo: window.count)
            position = 0
            try window.fill()
            if let end = framing.scan(window.base, from: 0, to: window.count) {
                line += framing.newlines
                position = end
                phase = .separator
                return .overlong(raw, line: startLine)
            }
            if window.isExhausted { throw notClosed(insideElementFrom: startLine) }
        }
    }

    /// The number of line feeds in `bytes`.
    private func lineFeeds(in bytes: ByteSpan) -> Int {
        guard var p = bytes.baseAddress else { return 0 }
        let end = p + bytes.count
        var count = 0
        while p < end, let found = memchr(p, Int32(ASCII.lf), end - p) {
            count += 1
            p = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        return count
    }

    /// The first bytes of the element at `start`, up to the limit, unless reading ahead.
    private func prefix(at start: Int) -> [UInt8] {
        guard !retainsInput else { return [] }
        return Array(ByteSpan(start: window.base + start, count: min(maxElementBytes, window.count - start)))
    }

    /// Skips whitespace, counting lines; returns the byte found at ``position``
    /// (not consumed), or `nil` at the end of the input.
    private func nextSignificantByte() throws -> UInt8? {
        while true {
            let base = window.base
            let count = window.count
            while position < count {
                switch base[position] {
                case ASCII.lf: line += 1
                case ASCII.space, ASCII.tab, ASCII.cr: break
                default: return base[position]
                }
                position += 1
            }
            if window.isExhausted { return nil }
            _ = try refill(keeping: position)
        }
    }

    /// Reads the next chunk, first dropping the bytes before `keep` unless the input
    /// is retained; returns how far the kept bytes moved back. ``position`` is adjusted.
    private func refill(keeping keep: Int) throws -> Int {
        var shift = 0
        if !retainsInput && keep > 0 {
            window.discard(upTo: keep)
            shift = keep
            position -= keep
        }
        try window.fill()
        return shift
    }

    private func notClosed() -> FormatError {
        malformed("the array is not closed: the file ends before its ']'")
    }

    private func notClosed(insideElementFrom startLine: Int) -> FormatError {
        line = startLine
        return malformed("the array is not closed: the file ends inside the element that starts on this line")
    }

    /// The error for a malformed array at the current line; reading stops there.
    private func malformed(_ message: String) -> FormatError {
        phase = .done
        return FormatError(.badRow, "malformed JSON array: \(message)", file: window.path, line: line)
    }
}

/// `'x'` for a printable ASCII byte, else `byte 0xNN`.
func byteDescription(_ c: UInt8) -> String {
    c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x\(String(c, radix: 16, uppercase: true))"
}
