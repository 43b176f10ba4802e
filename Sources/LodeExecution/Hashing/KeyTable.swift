import LodeCore

/// An open-addressing hash table of distinct multi-column keys, each numbered by the
/// order it was first seen (its group).
///
/// Aggregates map rows to groups with ``findOrInsert(_:count:)`` (NULL keys group
/// together); joins insert their build keys and probe with ``find(_:count:)``, where a row
/// with a NULL key never matches (SQL `=`). Slots hold the group number plus the upper
/// half of its hash, so most mismatches are rejected without touching the keys.
///
/// One key column of a word form (integers, dates, timestamps, doubles, booleans) takes a
/// fused fast path; other keys are matched a chunk of rows at a time, a column at a time.
final class KeyTable {
    /// The key types, in column order.
    let types: [DataType]
    /// Keys of each group when the table is in neither word form.
    private var storedKeys: [KeyColumn]
    /// The key of each group in single-word form (the NULL group holds 0), with room
    /// past ``count`` for the next chunk's new groups.
    private var words: [Int64] = []
    private var nullGroup: Int32?
    private let singleWord: Bool
    /// Words a group takes in the word-row form of several word columns (0 in other
    /// forms): one per column (0 when NULL) and a mask of the NULL columns.
    let wordWidth: Int
    /// The keys in word-row form, group after group, with room like `words`.
    var rowWords: [Int64] = []
    /// The hash of each group's key, with room past ``count`` like `words`.
    var hashes: [UInt64] = []
    var groupCount = 0
    /// `salt << 32 | (group + 1)`; 0 marks an empty slot.
    var slots: [UInt64]
    var mask: Int
    static let chunkSize = 1024

    init(types: [DataType]) {
        self.types = types
        storedKeys = types.map { KeyColumn(emptyOf: $0) }
        singleWord = types.count == 1 && storedKeys[0].form == .words
        let allWords = types.count > 1 && types.count < 63 && storedKeys.allSatisfy { $0.form == .words }
        wordWidth = allWords ? types.count + 1 : 0
        slots = [UInt64](repeating: 0, count: 64)
        mask = 63
    }

    /// The number of groups.
    var count: Int { groupCount }

    /// Bytes held.
    var memoryUsage: Int {
        slots.count * 8 + hashes.count * 8 + words.count * 8 + rowWords.count * 8 + storedKeys.reduce(0) { $0 + $1.memoryUsage }
    }

    /// The key of every group, in group order.
    func keyColumns() throws -> [KeyColumn] {
        if wordWidth > 0 { return wordRowColumns() }
        guard singleWord else { return storedKeys }
        var column = KeyColumn(emptyOf: types[0])
        var source = KeyColumn(PrimitiveArray<Int64>(.int64, storage: Array(words.prefix(groupCount))))
        if let nullGroup {
            var bits = Bitmap(count: groupCount, value: true)
            bits[Int(nullGroup)] = false
            source.validity = bits
        }
        try column.append(source, rows: Array(0..<groupCount))
        return [column]
    }

    /// The keys as arrays of their types, in group order.
    func materialize() throws -> [any ColumnArray] { try keyColumns().map { try $0.materialize() } }

    /// The group of every row of `columns`, adding groups for new keys. NULLs equal NULLs.
    func findOrInsert(_ columns: [KeyColumn], count: Int) throws -> [Int32] {
        try lookUp(columns, hashes: KeyHasher.hash(columns, count: count), count: count, insert: true, skip: nil)
    }

    /// Adds the keys of `columns` except rows with a NULL key, which get -1; like
    /// ``find(_:count:)`` the others get their group.
    func insertSkippingNulls(_ columns: [KeyColumn], count: Int) throws -> [Int32] {
        let nulls = KeyColumn.nullRows(columns, count: count)
        return try lookUp(columns, hashes: KeyHasher.hash(columns, count: count), count: count, insert: true, skip: nulls)
    }

    /// The group of every row of `columns`, or -1 when its key is absent or has a NULL.
    func find(_ columns: [KeyColumn], count: Int) throws -> [Int32] {
        let nulls = KeyColumn.nullRows(columns, count: count)
        return try lookUp(columns, hashes: KeyHasher.hash(columns, count: count), count: count, insert: false, skip: nulls)
    }

    private func lookUp(_ columns: [KeyColumn], hashes rowHashes: [UInt64], count: Int, insert: Bool,
                        skip: [Bool]?) throws -> [Int32] {
        guard columns.count == types.count else {
            throw ExecutionError(.internal, "\(columns.count) key columns probe a table of \(types.count)")
        }
        var result = [Int32](repeating: -1, count: count)
        if types.isEmpty {
            if count > 0, insert, groupCount == 0 {
                growIfNeeded(adding: 1)
                addGroup(hash: KeyHasher.seed)
            }
            if self.count > 0 { for i in 0..<count where skip?[i] != true { result[i] = 0 } }
            return result
        }
        var start = 0
        while start < count {
            let end = min(count, start + Self.chunkSize)
            if insert { growIfNeeded(adding: end - start) }
            if wordWidth > 0 {
                try lookUpWordRows(columns, hashes: rowHashes, rows: start..<end, insert: insert, skip: skip, into: &result)
            } else if singleWord {
                guard columns[0].form == .words else {
                    throw ExecutionError(.internal, "\(columns[0].type) keys probe a table of \(types[0]) keys")
                }
                lookUpWords(columns[0].words, validity: columns[0].validity, hashes: rowHashes, rows: start..<end,
                                insert: insert, skip: skip, into: &result)
            } else {
                try lookUpChunk(columns, hashes: rowHashes, rows: start..<end, insert: insert, skip: skip, into: &result)
            }
            start = end
        }
        return result
    }

    @inline(__always)
    private func addGroup(hash: UInt64) {
        hashes[groupCount] = hash
        groupCount += 1
    }

    /// Makes room for `rows` more groups at once, so that a table whose size is known up
    /// front (a join's build side) is not rehashed as it fills.
    func reserve(_ rows: Int) { growIfNeeded(adding: rows) }

    /// Makes room for `rows` more groups: array slack and a load factor of at most 1/2.
    private func growIfNeeded(adding rows: Int) {
        let needed = groupCount + rows
        if hashes.count < needed { hashes.append(contentsOf: repeatElement(0, count: max(needed - hashes.count, hashes.count))) }
        if wordWidth > 0, rowWords.count < needed * wordWidth {
            rowWords.append(contentsOf: repeatElement(0, count: max(needed * wordWidth - rowWords.count, rowWords.count)))
        }
        if singleWord, words.count < needed { words.append(contentsOf: repeatElement(0, count: max(needed - words.count, words.count))) }
        guard needed * 2 > slots.count else { return }
        var capacity = slots.count
        while (count + rows) * 2 > capacity { capacity *= 2 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
        slots.withUnsafeMutableBufferPointer { slots in
            hashes.withUnsafeBufferPointer { hashes in
                for group in 0..<groupCount where Int32(group) != nullGroup || !singleWord {
                    let h = hashes[group]
                    var s = Int(truncatingIfNeeded: h) & mask
                    while slots[s] != 0 { s = (s + 1) & mask }
                    slots[s] = (h >> 32) << 32 | UInt64(group + 1)
                }
            }
        }
    }

    /// The fused path for one word column: probe, compare and insert row by row.
    private func lookUpWords(_ probe: [Int64], validity: Bitmap?, hashes rowHashes: [UInt64], rows: Range<Int>,
                             insert: Bool, skip: [Bool]?, into result: inout [Int32]) {
        let mask = self.mask
        var groupCount = self.groupCount
        var nullGroup = self.nullGroup
        withBuffers(writable: insert, of: \.words) { slots, words, hashes in
            probe.withUnsafeBufferPointer { probe in
                rowHashes.withUnsafeBufferPointer { rowHashes in
                    result.withUnsafeMutableBufferPointer { result in
                        for row in rows {
                            if let validity, !validity[row] {
                                if skip?[row] == true { continue }
                                if let nullGroup {
                                    result[row] = nullGroup
                                } else if insert {
                                    words[groupCount] = 0
                                    hashes[groupCount] = rowHashes[row]
                                    nullGroup = Int32(groupCount)
                                    result[row] = Int32(groupCount)
                                    groupCount += 1
                                }
                                continue
                            }
                            let h = rowHashes[row], value = probe[row]
                            let salt = h >> 32
                            var s = Int(truncatingIfNeeded: h) & mask
                            while true {
                                let entry = slots[s]
                                if entry == 0 {
                                    if insert {
                                        words[groupCount] = value
                                        hashes[groupCount] = h
                                        slots[s] = salt << 32 | UInt64(groupCount + 1)
                                        result[row] = Int32(groupCount)
                                        groupCount += 1
                                    }
                                    break
                                }
                                let group = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                                if entry >> 32 == salt, words[group] == value {
                                    result[row] = Int32(group)
                                    break
                                }
                                s = (s + 1) & mask
                            }
                        }
                    }
                }
            }
        }
        guard insert else { return }
        self.groupCount = groupCount
        self.nullGroup = nullGroup
    }

    /// Calls `body` with the slots, the words at `keyPath` and the group hashes. Lookups
    /// without inserts run from several threads at once, so they only read the arrays
    /// (and must not write through the pointers).
    func withBuffers<R>(writable: Bool, of keyPath: ReferenceWritableKeyPath<KeyTable, [Int64]>,
                        _ body: (UnsafeMutableBufferPointer<UInt64>, UnsafeMutableBufferPointer<Int64>,
                                 UnsafeMutableBufferPointer<UInt64>) throws -> R) rethrows -> R {
        if writable {
            return try slots.withUnsafeMutableBufferPointer { slots in
                try self[keyPath: keyPath].withUnsafeMutableBufferPointer { words in
                    try hashes.withUnsafeMutableBufferPointer { hashes in try body(slots, words, hashes) }
                }
            }
        }
        return try slots.withUnsafeBufferPointer { slots in
            try self[keyPath: keyPath].withUnsafeBufferPointer { words in
                try hashes.withUnsafeBufferPointer { hashes in
                    try body(UnsafeMutableBufferPointer(mutating: slots), UnsafeMutableBufferPointer(mutating: words),
                             UnsafeMutableBufferPointer(mutating: hashes))
                }
            }
        }
    }

    /// The general path: probe every pending row of a chunk to its first slot of the same
    /// salt, compare those candidates a column at a time, and move the mismatches on.
    private func lookUpChunk(_ columns: [KeyColumn], hashes rowHashes: [UInt64], rows: Range<Int>, insert: Bool,
                             skip: [Bool]?, into result: inout [Int32]) throws {
        let mask = self.mask
        var pending = rows.filter { skip?[$0] != true }
        var position = [Int](repeating: 0, count: rows.count)
        for row in pending { position[row - rows.lowerBound] = Int(truncatingIfNeeded: rowHashes[row]) & mask }
        var candidateRows: [Int] = [], candidateGroups: [Int32] = [], candidateSlots: [Int] = []
        var newRows: [Int] = []
        while !pending.isEmpty {
            candidateRows.removeAll(keepingCapacity: true)
            candidateGroups.removeAll(keepingCapacity: true)
            candidateSlots.removeAll(keepingCapacity: true)
            newRows.removeAll(keepingCapacity: true)
            for row in pending {
                let h = rowHashes[row], salt = h >> 32
                var s = position[row - rows.lowerBound]
                while true {
                    let entry = slots[s]
                    if entry == 0 {
                        if insert {
                            let group = groupCount
                            addGroup(hash: h)
                            slots[s] = salt << 32 | UInt64(group + 1)
                            newRows.append(row)
                            result[row] = Int32(group)
                        }
                        break
                    }
                    if entry >> 32 == salt {
                        candidateRows.append(row)
                        candidateGroups.append(Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1)
                        candidateSlots.append(s)
                        break
                    }
                    s = (s + 1) & mask
                }
            }
            if !newRows.isEmpty { for c in columns.indices { try storedKeys[c].append(columns[c], rows: newRows) } }
            var equal = [Bool](repeating: true, count: candidateRows.count)
            for c in columns.indices {
                try KeyComparison.compare(stored: storedKeys[c], probe: columns[c], groups: candidateGroups,
                                          rows: candidateRows, into: &equal)
            }
            pending.removeAll(keepingCapacity: true)
            for k in candidateRows.indices {
                let row = candidateRows[k]
                if equal[k] {
                    result[row] = candidateGroups[k]
                } else {
                    position[row - rows.lowerBound] = (candidateSlots[k] + 1) & mask
                    pending.append(row)
                }
            }
        }
    }
}
