import LodeCore

/// The levels and values of one leaf for a run of top-level rows.
struct ShreddedLeaf {
    /// One definition level per entry; empty when the leaf's maximum is 0.
    var definitionLevels: [UInt8] = []
    /// One repetition level per entry; empty when the leaf's maximum is 0.
    var repetitionLevels: [UInt8] = []
    /// Entries: values, nulls and empty or null lists (the page's `num_values`).
    var levelCount = 0
    /// The array that holds the leaf's values.
    var leafArray: (any ColumnArray)?
    /// The slots of `leafArray` holding defined values, in order.
    var selection = ValueSelection.range(0..<0)

    /// Entries that are not a defined value.
    var nullCount: Int { levelCount - selection.count }

    fileprivate var indices: [Int32] = []
    fileprivate var slots: [Int32] = []
    fileprivate var scratchDefinition: [UInt8] = []
    fileprivate var scratchRepetition: [UInt8] = []
    fileprivate var scratchSlots: [Int32] = []
}

/// Turns rows of a top-level column into the definition and repetition levels of one
/// leaf (Dremel record shredding) and the slots of the leaf array that hold its values.
enum LevelShredder {
    /// Shreds `rows` of `column` for `leaf` into `out`, reusing its buffers.
    static func shred(_ column: any ColumnArray, rows: Range<Int>, leaf: LeafColumn, into out: inout ShreddedLeaf) throws {
        out.selection = .range(0..<0)
        out.definitionLevels.removeAll(keepingCapacity: true)
        out.repetitionLevels.removeAll(keepingCapacity: true)
        if leaf.isFlat {
            try shredFlat(column, rows: rows, nullable: leaf.steps[0] == .nullable, leaf: leaf, into: &out)
        } else {
            try shredNested(column, rows: rows, leaf: leaf, into: &out)
        }
    }

    private static func shredFlat(_ column: any ColumnArray, rows: Range<Int>, nullable: Bool, leaf: LeafColumn,
                                  into out: inout ShreddedLeaf) throws {
        out.leafArray = column
        out.levelCount = rows.count
        guard let validity = column.validity else {
            if nullable { out.definitionLevels.appendFilled(1, count: rows.count) }
            out.selection = .range(rows)
            return
        }
        var indices = out.indices
        var levels = out.definitionLevels
        out.indices = []
        out.definitionLevels = []
        indices.removeAll(keepingCapacity: true)
        levels.appendFilled(0, count: rows.count)
        validity.words.withUnsafeBufferPointer { words in
            levels.withUnsafeMutableBufferPointer { levels in
                indices.appendWritten(capacity: rows.count) { slots in
                    shredValidity(words, rows: rows, levels: levels.baseAddress!, slots: slots)
                }
            }
        }
        out.indices = indices
        out.definitionLevels = levels
        if !nullable {
            if out.indices.count != rows.count {
                throw ParquetError(.invalidArgument, "column is not nullable but holds a null", column: leaf.name)
            }
            out.definitionLevels.removeAll(keepingCapacity: true)
            out.selection = .range(rows)
        } else if out.indices.count == rows.count {
            out.selection = .range(rows)
        } else {
            out.selection = .indices(out.indices)
        }
    }

    /// Writes the definition level (0 or 1) of each of `rows` from the validity bits and
    /// the valid rows to `slots`; returns how many are valid. A word of 64 valid rows
    /// is handled as a whole.
    @inline(__always)
    private static func shredValidity(_ words: UnsafeBufferPointer<UInt64>, rows: Range<Int>,
                                      levels: UnsafeMutablePointer<UInt8>, slots: UnsafeMutablePointer<Int32>) -> Int {
        var written = 0
        var row = rows.lowerBound
        let end = rows.upperBound
        while row < end {
            let shift = row & 63
            let take = min(64 - shift, end - row)
            let mask: UInt64 = take == 64 ? ~0 : (1 << UInt64(take)) - 1
            let bits = (words[row >> 6] >> UInt64(shift)) & mask
            let level = levels + (row - rows.lowerBound)
            if bits == mask {
                level.update(repeating: 1, count: take)
                for k in 0..<take { slots[written &+ k] = Int32(truncatingIfNeeded: row &+ k) }
                written &+= take
            } else {
                for k in 0..<take {
                    let bit = UInt8(truncatingIfNeeded: bits &>> UInt64(k)) & 1
                    level[k] = bit
                    slots[written] = Int32(truncatingIfNeeded: row &+ k)
                    written &+= Int(bit)
                }
            }
            row &+= take
        }
        return written
    }

    /// Walks the leaf's steps one node at a time over all entries of the run. `slots[k]`
    /// is entry k's slot in the current array, or -1 once the entry stopped above it.
    private static func shredNested(_ column: any ColumnArray, rows: Range<Int>, leaf: LeafColumn,
                                    into out: inout ShreddedLeaf) throws {
        guard leaf.maxDefinitionLevel <= Int(UInt8.max), leaf.maxRepetitionLevel <= Int(UInt8.max) else {
            throw ParquetError(.unsupported, "nesting deeper than 255 levels", column: leaf.name)
        }
        var definition = out.definitionLevels
        var repetition = out.repetitionLevels
        var slots = out.slots
        out.definitionLevels = []
        out.repetitionLevels = []
        slots.removeAll(keepingCapacity: true)
        definition.appendFilled(0, count: rows.count)
        repetition.appendFilled(0, count: rows.count)
        slots.append(contentsOf: rows.lazy.map { Int32(truncatingIfNeeded: $0) })
        var current = column
        for step in leaf.steps {
            switch step {
            case .nullable:
                if let validity = current.validity {
                    for k in slots.indices where slots[k] >= 0 {
                        if validity[Int(slots[k])] { definition[k] += 1 } else { slots[k] = -1 }
                    }
                } else {
                    for k in slots.indices where slots[k] >= 0 { definition[k] += 1 }
                }
            case .required:
                if let validity = current.validity {
                    for k in slots.indices where slots[k] >= 0 && !validity[Int(slots[k])] {
                        throw ParquetError(.invalidArgument, "a non-nullable field holds a null", column: leaf.name)
                    }
                }
            case .child(let index):
                guard let structArray = current as? StructArray, index < structArray.children.count else {
                    throw mismatch(leaf, expected: "a struct", found: current)
                }
                current = structArray.children[index]
            case .repeated(let level):
                guard let list = current as? ListArray else { throw mismatch(leaf, expected: "a list or map", found: current) }
                try expand(list, level: UInt8(level), leaf: leaf, definition: &definition, repetition: &repetition,
                           slots: &slots, scratch: &out)
                current = list.child
            }
        }
        out.indices.removeAll(keepingCapacity: true)
        for slot in slots where slot >= 0 { out.indices.append(slot) }
        out.levelCount = slots.count
        out.leafArray = current
        out.selection = .indices(out.indices)
        if leaf.maxDefinitionLevel > 0 { out.definitionLevels = definition }
        if leaf.maxRepetitionLevel > 0 { out.repetitionLevels = repetition }
        out.slots = slots
    }

    /// Replaces each entry that reached `list` by one entry per element (or keeps it,
    /// slot cleared, when the list is empty).
    private static func expand(_ list: ListArray, level: UInt8, leaf: LeafColumn, definition: inout [UInt8],
                               repetition: inout [UInt8], slots: inout [Int32], scratch: inout ShreddedLeaf) throws {
        var newDefinition = scratch.scratchDefinition
        var newRepetition = scratch.scratchRepetition
        var newSlots = scratch.scratchSlots
        newDefinition.removeAll(keepingCapacity: true)
        newRepetition.removeAll(keepingCapacity: true)
        newSlots.removeAll(keepingCapacity: true)
        let childCount = list.child.count
        try list.offsets.withUnsafeBufferPointer { offsets in
            for k in slots.indices {
                let slot = Int(slots[k])
                guard slot >= 0 else {
                    newDefinition.append(definition[k])
                    newRepetition.append(repetition[k])
                    newSlots.append(-1)
                    continue
                }
                guard slot + 1 < offsets.count else {
                    throw ParquetError(.invalidArgument, "list offsets are shorter than the list", column: leaf.name)
                }
                let start = Int(offsets[slot]), end = Int(offsets[slot + 1])
                guard start >= 0, start <= end, end <= childCount else {
                    throw ParquetError(.invalidArgument, "list offsets \(start)..<\(end) are out of order or exceed "
                                       + "\(childCount) elements", column: leaf.name)
                }
                if start == end {
                    newDefinition.append(definition[k])
                    newRepetition.append(repetition[k])
                    newSlots.append(-1)
                    continue
                }
                for element in start..<end {
                    newDefinition.append(definition[k] + 1)
                    newRepetition.append(element == start ? repetition[k] : level)
                    newSlots.append(Int32(truncatingIfNeeded: element))
                }
            }
        }
        swap(&definition, &newDefinition)
        swap(&repetition, &newRepetition)
        swap(&slots, &newSlots)
        scratch.scratchDefinition = newDefinition
        scratch.scratchRepetition = newRepetition
        scratch.scratchSlots = newSlots
    }

    private static func mismatch(_ leaf: LeafColumn, expected: String, found: any ColumnArray) -> ParquetError {
        ParquetError(.invalidArgument, "expected \(expected) array on the way to the leaf, found \(type(of: found))",
                     column: leaf.name)
    }
}
