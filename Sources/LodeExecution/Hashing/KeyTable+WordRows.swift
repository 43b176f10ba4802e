import LodeCore

extension KeyTable {
    /// The fused path for several word columns: each row's key is laid out as one run of
    /// words (NULLs as 0 plus a mask word), so a match compares one short run.
    func lookUpWordRows(_ columns: [KeyColumn], hashes rowHashes: [UInt64], rows: Range<Int>, insert: Bool,
                        skip: [Bool]?, into result: inout [Int32]) throws {
        let width = wordWidth, keyCount = width - 1
        var probe = [Int64](repeating: 0, count: rows.count * width)
        for (c, column) in columns.enumerated() {
            guard column.form == .words else {
                throw ExecutionError(.internal, "\(column.type) keys probe a table of \(types[c]) keys")
            }
            column.words.withUnsafeBufferPointer { w in
                for (i, row) in rows.enumerated() { probe[i * width + c] = w[row] }
            }
            if let validity = column.validity {
                for (i, row) in rows.enumerated() where !validity[row] {
                    probe[i * width + c] = 0
                    probe[i * width + keyCount] |= 1 << Int64(c)
                }
            }
        }
        let mask = self.mask
        var groupCount = self.groupCount
        withBuffers(writable: insert, of: \.rowWords) { slots, stored, hashes in
            probe.withUnsafeBufferPointer { probe in
                rowHashes.withUnsafeBufferPointer { rowHashes in
                    result.withUnsafeMutableBufferPointer { result in
                        for (i, row) in rows.enumerated() {
                            if let skip, skip[row] { continue }
                            let key = i * width
                            let h = rowHashes[row], salt = h >> 32
                            var s = Int(truncatingIfNeeded: h) & mask
                            while true {
                                let entry = slots[s]
                                if entry == 0 {
                                    if insert {
                                        let base = groupCount * width
                                        for w in 0..<width { stored[base + w] = probe[key + w] }
                                        hashes[groupCount] = h
                                        slots[s] = salt << 32 | UInt64(groupCount + 1)
                                        result[row] = Int32(groupCount)
                                        groupCount += 1
                                    }
                                    break
                                }
                                if entry >> 32 == salt {
                                    let group = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                                    let base = group * width
                                    var same = true
                                    for w in 0..<width where stored[base + w] != probe[key + w] {
                                        same = false
                                        break
                                    }
                                    if same {
                                        result[row] = Int32(group)
                                        break
                                    }
                                }
                                s = (s + 1) & mask
                            }
                        }
                    }
                }
            }
        }
        if insert { self.groupCount = groupCount }
    }

    /// The keys of the word-row form as one column per key.
    func wordRowColumns() -> [KeyColumn] {
        let width = wordWidth, keyCount = width - 1
        return (0..<keyCount).map { c in
            var column = KeyColumn(PrimitiveArray<Int64>(.int64, storage: (0..<groupCount).map { rowWords[$0 * width + c] }))
            let nulls = (0..<groupCount).map { rowWords[$0 * width + keyCount] & (1 << Int64(c)) != 0 }
            if nulls.contains(true) { column.validity = Bitmap(nulls.map { !$0 }) }
            return column.retyped(types[c])
        }
    }
}
