import LodeCore

/// Text functions over UTF-8 bytes; positions and lengths count characters (code points),
/// except `strlen`, which counts bytes.
enum StringFunctions {
    static let factories: [String: ScalarKernels.Factory] = {
        var table: [String: ScalarKernels.Factory] = [:]
        table["lower"] = { _, _ in caseMapping(upper: false) }
        table["upper"] = { _, _ in caseMapping(upper: true) }
        table["length"] = { _, _ in
            { args, count in try RowKernels.primitive(.int64, args, count) { rows, row in Int64(UTF8Text.characterCount(rows.bytes(0, row))) } }
        }
        table["strlen"] = { _, _ in
            { args, count in try RowKernels.primitive(.int64, args, count) { rows, row in Int64(rows.bytes(0, row).count) } }
        }
        for name in ["trim", "ltrim", "rtrim"] {
            table[name] = { types, _ in trim(leading: name != "rtrim", trailing: name != "ltrim") }
        }
        table["substring"] = { types, _ in
            { args, count in
                if let fast = try constantSubstring(args, count, hasLength: types.count == 3) { return fast }
                return try RowKernels.text(args, count) { rows, row, out in
                    let bytes = rows.bytes(0, row)
                    let characters = UTF8Text.characterCount(bytes)
                    let length = types.count == 3 ? rows.int(2, row) : Int64(characters)
                    let range = substringRange(start: rows.int(1, row), length: length, count: characters)
                    out.append(contentsOf: bytes[UTF8Text.byteIndex(of: range.lowerBound, in: bytes)..<UTF8Text.byteIndex(of: range.upperBound, in: bytes)])
                    return true
                }
            }
        }
        table["left"] = { _, _ in sideSlice(fromLeft: true) }
        table["right"] = { _, _ in sideSlice(fromLeft: false) }
        table["replace"] = { _, _ in
            { args, count in
                try RowKernels.text(args, count) { rows, row, out in
                    let text = Array(rows.bytes(0, row)), from = Array(rows.bytes(1, row)), to = rows.bytes(2, row)
                    guard !from.isEmpty else { out.append(contentsOf: text); return true }
                    text.withUnsafeBytes { haystack in
                        var position = 0
                        while let found = ByteSearch.find(from, in: haystack, from: position) {
                            out.append(contentsOf: text[position..<found])
                            out.append(contentsOf: to)
                            position = found + from.count
                        }
                        out.append(contentsOf: text[position...])
                    }
                    return true
                }
            }
        }
        table["split_part"] = { _, _ in
            { args, count in
                try RowKernels.text(args, count) { rows, row, out in
                    let text = Array(rows.bytes(0, row)), separator = Array(rows.bytes(1, row))
                    var parts: [ArraySlice<UInt8>] = []
                    if separator.isEmpty {
                        var start = 0
                        for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
                            let width = UTF8.width(scalar)
                            parts.append(text[start..<min(start + width, text.count)])
                            start += width
                        }
                    } else {
                        text.withUnsafeBytes { haystack in
                            var position = 0
                            while let found = ByteSearch.find(separator, in: haystack, from: position) {
                                parts.append(text[position..<found])
                                position = found + separator.count
                            }
                            parts.append(text[position...])
                        }
                    }
                    let index = rows.int(2, row)
                    let k = index > 0 ? Int(index) - 1 : parts.count + Int(clamping: index)
                    if index != 0, k >= 0, k < parts.count { out.append(contentsOf: parts[k]) }
                    return true
                }
            }
        }
        table["concat"] = { _, _ in
            { args, count in
                try RowKernels.text(args, count, nullsIn: true) { rows, row, out in
                    for k in 0..<args.count where !rows.isNull(k, row) { out.append(contentsOf: rows.bytes(k, row)) }
                    return true
                }
            }
        }
        table["||"] = { _, _ in
            { args, count in
                try RowKernels.text(args, count) { rows, row, out in
                    out.append(contentsOf: rows.bytes(0, row))
                    out.append(contentsOf: rows.bytes(1, row))
                    return true
                }
            }
        }
        table["ascii"] = { _, _ in
            { args, count in
                try RowKernels.primitive(.int32, args, count) { rows, row -> Int32? in
                    let scalar = String(decoding: rows.bytes(0, row), as: UTF8.self).unicodeScalars.first
                    return Int32(scalar?.value ?? 0)
                }
            }
        }
        table["chr"] = { _, _ in
            { args, count in
                try RowKernels.text(args, count) { rows, row, out in
                    let code = rows.int(0, row)
                    guard code > 0, let scalar = UInt32(exactly: code).flatMap(Unicode.Scalar.init) else {
                        throw ExecutionError(.invalidInput, "invalid Unicode code point \(code) in chr")
                    }
                    out.append(contentsOf: String(Character(scalar)).utf8)
                    return true
                }
            }
        }
        table["concat_ws"] = { _, _ in
            { args, count in
                try RowKernels.text(args, count, nullsIn: true) { rows, row, out in
                    if rows.isNull(0, row) { return false }
                    var first = true
                    for k in 1..<args.count where !rows.isNull(k, row) {
                        if !first { out.append(contentsOf: rows.bytes(0, row)) }
                        out.append(contentsOf: rows.bytes(k, row))
                        first = false
                    }
                    return true
                }
            }
        }
        for name in ["lpad", "rpad"] { table[name] = { _, _ in pad(left: name == "lpad") } }
        table["starts_with"] = { _, _ in
            { args, count in try RowKernels.boolean(args, count) { rows, row in rows.bytes(0, row).starts(with: rows.bytes(1, row)) } }
        }
        table["ends_with"] = { _, _ in
            { args, count in
                try RowKernels.boolean(args, count) { rows, row in
                    let text = rows.bytes(0, row), suffix = rows.bytes(1, row)
                    return text.count >= suffix.count && text.suffix(suffix.count).elementsEqual(suffix)
                }
            }
        }
        table["contains"] = { _, _ in
            { args, count in
                try RowKernels.boolean(args, count) { rows, row in
                    let needle = Array(rows.bytes(1, row))
                    return Array(rows.bytes(0, row)).withUnsafeBytes { ByteSearch.find(needle, in: $0) != nil }
                }
            }
        }
        table["position"] = { _, _ in
            { args, count in
                try RowKernels.primitive(.int64, args, count) { rows, row -> Int64? in
                    let text = Array(rows.bytes(0, row)), needle = Array(rows.bytes(1, row))
                    guard let found = text.withUnsafeBytes({ ByteSearch.find(needle, in: $0) }) else { return 0 }
                    return Int64(UTF8Text.characterCount(text[..<found])) + 1
                }
            }
        }
        table["reverse"] = { _, _ in
            { args, count in
                try RowKernels.text(args, count) { rows, row, out in
                    out.append(contentsOf: String(String(decoding: rows.bytes(0, row), as: UTF8.self).reversed()).utf8)
                    return true
                }
            }
        }
        table["repeat"] = { _, _ in
            { args, count in
                try RowKernels.text(args, count) { rows, row, out in
                    let times = rows.int(1, row), text = rows.bytes(0, row)
                    guard times > 0 else { return true }
                    guard Int64(text.count) * times <= Int64(Int32.max) else {
                        throw ExecutionError(.invalidInput, "repeat result of \(Int64(text.count) * times) bytes is too large")
                    }
                    for _ in 0..<times { out.append(contentsOf: text) }
                    return true
                }
            }
        }
        return table
    }()

    /// `substring(column, constant, constant)`: one pass over the offsets and bytes.
    static func constantSubstring(_ args: [Operand], _ count: Int, hasLength: Bool) throws -> (any ColumnArray)? {
        guard !args[0].isConstant, args.dropFirst().allSatisfy({ $0.isConstant && !$0.isNullConstant }) else { return nil }
        let text = try args[0].binary()
        let rows = RowArguments(args, count: count)
        let start = rows.int(1, 0), length = hasLength ? rows.int(2, 0) : Int64(Int32.max)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(text.bytes.count, count * Int(max(min(length, 64), 1))))
        var offsets = [Int32](repeating: 0, count: count + 1)
        text.bytes.withUnsafeBufferPointer { source in
            text.offsets.withUnsafeBufferPointer { sourceOffsets in
                for row in 0..<count {
                    let lo = Int(sourceOffsets[row]), hi = Int(sourceOffsets[row + 1])
                    let value = UnsafeBufferPointer(rebasing: source[lo..<hi])
                    var ascii = true
                    for b in value where b >= 0x80 { ascii = false; break }
                    if ascii {
                        let range = substringRange(start: start, length: length, count: value.count)
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: value[range]))
                    } else {
                        let slice = ArraySlice(value)
                        let range = substringRange(start: start, length: length, count: UTF8Text.characterCount(slice))
                        bytes.append(contentsOf: slice[UTF8Text.byteIndex(of: range.lowerBound, in: slice)..<UTF8Text.byteIndex(of: range.upperBound, in: slice)])
                    }
                    offsets[row + 1] = Int32(truncatingIfNeeded: bytes.count)
                }
            }
        }
        return BinaryArray(.string, offsets: offsets, bytes: bytes, validity: text.validity)
    }

    static func caseMapping(upper: Bool) -> Kernel {
        { args, count in
            try RowKernels.text(args, count) { rows, row, out in
                let text = rows.bytes(0, row)
                if text.allSatisfy({ $0 < 0x80 }) {
                    out.append(contentsOf: text.lazy.map { b in
                        upper ? (b >= 97 && b <= 122 ? b - 32 : b) : (b >= 65 && b <= 90 ? b + 32 : b)
                    })
                } else {
                    for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
                        out.append(contentsOf: String(simpleCaseMapping(scalar, upper: upper)).utf8)
                    }
                }
                return true
            }
        }
    }

    /// One scalar's case mapping, scalar for scalar as DuckDB does: a mapping to several
    /// scalars (`ß` to `SS`, `ﬁ` to `FI`) leaves the scalar as it is, except `ß` → `ẞ` and
    /// `İ` → `i`.
    static func simpleCaseMapping(_ scalar: Unicode.Scalar, upper: Bool) -> Unicode.Scalar {
        if upper, scalar == "\u{DF}" { return "\u{1E9E}" }
        if !upper, scalar == "\u{130}" { return "i" }
        let mapped = upper ? scalar.properties.uppercaseMapping : scalar.properties.lowercaseMapping
        let scalars = mapped.unicodeScalars
        guard scalars.count == 1, let only = scalars.first else { return scalar }
        return only
    }

    static func trim(leading: Bool, trailing: Bool) -> Kernel {
        { args, count in
            try RowKernels.text(args, count) { rows, row, out in
                let scalars = Array(String(decoding: rows.bytes(0, row), as: UTF8.self).unicodeScalars)
                let set: Set<Unicode.Scalar> = args.count > 1
                    ? Set(String(decoding: rows.bytes(1, row), as: UTF8.self).unicodeScalars) : [" "]
                var start = 0, end = scalars.count
                if leading { while start < end, set.contains(scalars[start]) { start += 1 } }
                if trailing { while end > start, set.contains(scalars[end - 1]) { end -= 1 } }
                var s = String.UnicodeScalarView()
                s.append(contentsOf: scalars[start..<end])
                out.append(contentsOf: String(s).utf8)
                return true
            }
        }
    }

    /// DuckDB's `substring` positions: 1-based, 0 a virtual position before the text,
    /// negative counting from the end.
    static func substringRange(start: Int64, length: Int64, count: Int) -> Range<Int> {
        let n = Int64(count)
        var begin: Int64, end: Int64
        if start > 0 { begin = start - 1 } else if start == 0 { begin = -1 } else { begin = n + start }
        if length >= 0 {
            end = begin &+ length
        } else {
            end = begin
            begin = begin &+ length
        }
        begin = min(max(begin, 0), n)
        end = min(max(end, begin), n)
        return Int(begin)..<Int(end)
    }

    static func sideSlice(fromLeft: Bool) -> Kernel {
        { args, count in
            try RowKernels.text(args, count) { rows, row, out in
                let bytes = rows.bytes(0, row)
                let chars = UTF8Text.characterOffsets(bytes)
                let n = rows.int(1, row), total = Int64(chars.count)
                let keep = Int(min(max(n >= 0 ? n : total + n, 0), total))
                let range = fromLeft ? 0..<keep : (chars.count - keep)..<chars.count
                out.append(contentsOf: bytes[(bytes.startIndex + chars.offset(range.lowerBound))..<(bytes.startIndex + chars.offset(range.upperBound))])
                return true
            }
        }
    }

    static func pad(left: Bool) -> Kernel {
        { args, count in
            try RowKernels.text(args, count) { rows, row, out in
                let bytes = rows.bytes(0, row), fill = rows.bytes(2, row)
                let chars = UTF8Text.characterOffsets(bytes)
                let width = Int(max(rows.int(1, row), 0))
                if width <= chars.count {
                    out.append(contentsOf: bytes[bytes.startIndex..<(bytes.startIndex + chars.offset(width))])
                    return true
                }
                let fillChars = UTF8Text.characterOffsets(fill)
                guard fillChars.count > 0 else {
                    throw ExecutionError(.invalidInput, "\(left ? "lpad" : "rpad") needs a non-empty padding to reach width \(width)")
                }
                var padding: [UInt8] = []
                var need = width - chars.count
                while need > 0 {
                    let take = min(need, fillChars.count)
                    padding.append(contentsOf: fill[fill.startIndex..<(fill.startIndex + fillChars.offset(take))])
                    need -= take
                }
                if left { out.append(contentsOf: padding); out.append(contentsOf: bytes) } else { out.append(contentsOf: bytes); out.append(contentsOf: padding) }
                return true
            }
        }
    }
}

/// Character positions in UTF-8 bytes.
enum UTF8Text {
    /// The number of code points.
    static func characterCount<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        var n = 0
        for b in bytes where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// Byte offsets of each code point's start, plus the end.
    struct Offsets {
        var starts: [Int]
        var count: Int { starts.count - 1 }
        func offset(_ character: Int) -> Int { starts[min(max(character, 0), starts.count - 1)] }
    }

    /// The index in `bytes` where code point `character` starts (`endIndex` past the end).
    static func byteIndex(of character: Int, in bytes: ArraySlice<UInt8>) -> Int {
        var seen = -1
        for i in bytes.indices where bytes[i] & 0xC0 != 0x80 {
            seen += 1
            if seen == character { return i }
        }
        return bytes.endIndex
    }

    static func characterOffsets(_ bytes: ArraySlice<UInt8>) -> Offsets {
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count + 1)
        for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 { starts.append(i) }
        starts.append(bytes.count)
        return Offsets(starts: starts)
    }
}
