import LodeCore
/// Whether `b` is well-formed UTF-8 (no overlong forms, surrogates or code points
/// past U+10FFFF). ASCII runs are checked eight bytes at a time.
func isValidUTF8(_ b: ByteSpan) -> Bool {
    guard let base = b.baseAddress else { return true }
    let n = b.count
    var i = 0
    while i < n {
        while i + 8 <= n {
            let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { break }
            i += 8
        }
        guard i < n else { return true }
        let length = utf8SequenceLength(base, at: i, end: n)
        if length == 0 { return false }
        i += length
    }
    return true
}

/// The length of the well-formed UTF-8 sequence at `i`, or 0 if it is malformed or cut off.
@inline(__always)
func utf8SequenceLength(_ p: UnsafePointer<UInt8>, at i: Int, end n: Int) -> Int {
    let c = p[i]
    if c < 0x80 { return 1 }
    @inline(__always) func continuation(_ j: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
        j < n && p[j] >= low && p[j] <= high
    }
    switch c {
    case 0xC2...0xDF:
        return continuation(i + 1) ? 2 : 0
    case 0xE0:
        return continuation(i + 1, 0xA0) && continuation(i + 2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF:
        return continuation(i + 1) && continuation(i + 2) ? 3 : 0
    case 0xED:
        return continuation(i + 1, 0x80, 0x9F) && continuation(i + 2) ? 3 : 0
    case 0xF0:
        return continuation(i + 1, 0x90) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
    case 0xF1...0xF3:
        return continuation(i + 1) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
    case 0xF4:
        return continuation(i + 1, 0x80, 0x8F) && continuation(i + 2) && continuation(i + 3) ? 4 : 0
    default:
        return 0
    }
}
