import LodeCore

/// Rebuilds nested columns (structs, lists, maps) from decoded leaves and their
/// definition and repetition levels.
struct RecordAssembler {
    /// Decoded leaves by leaf index.
    let leaves: [Int: DecodedLeaf]

    /// The column `shape` describes, one value per slot.
    func assemble(_ shape: ColumnShape) throws -> any ColumnArray {
        switch shape.kind {
        case .leaf(let descriptor):
            let leaf = try decoded(descriptor.index)
            if descriptor.maxRepetitionLevel == 0 { return leaf.values }
            return try scatterRepeated(leaf, maxDefinition: descriptor.maxDefinitionLevel,
                                       ancestorDefinition: shape.ancestorDefinition)
        case .structure(let children):
            let levels = try decoded(shape.firstLeaf)
            let (count, validity) = slots(levels, shape: shape)
            var arrays: [any ColumnArray] = []
            for (child, field) in zip(children, fields(of: shape.type)) {
                let array = try assemble(child)
                guard array.count == count else {
                    throw ParquetError(.corruptData, "struct field '\(field.name)' has \(array.count) values, its struct \(count)")
                }
                arrays.append(array)
            }
            return StructArray(shape.type, children: arrays, count: count, validity: validity)
        case .list(let element, let elementDefinedAt):
            let levels = try decoded(shape.firstLeaf)
            let (offsets, validity) = try listOffsets(levels, shape: shape, elementDefinedAt: elementDefinedAt)
            let child = try assemble(element)
            guard let total = offsets.last, Int(total) == child.count else {
                throw ParquetError(.corruptData, "list elements number \(child.count), the levels say \(offsets.last ?? 0)")
            }
            if case .map = shape.type, !(child is StructArray) {
                throw ParquetError(.corruptData, "map entries are not key/value pairs")
            }
            return ListArray(shape.type, offsets: offsets, child: child, validity: validity)
        }
    }

    private func decoded(_ index: Int) throws -> DecodedLeaf {
        guard let leaf = leaves[index] else { throw ParquetError(.invalidArgument, "leaf column \(index) was not decoded") }
        return leaf
    }

    private func fields(of type: DataType) -> [Field] {
        if case .struct(let fields) = type { return fields }
        return []
    }

    /// The number of slots of a struct node and their validity.
    private func slots(_ leaf: DecodedLeaf, shape: ColumnShape) -> (Int, Bitmap?) {
        let definitions = leaf.definitionLevels, repetitions = leaf.repetitionLevels
        if definitions.isEmpty { return (leaf.entryCount, nil) }
        let depth = shape.repetitionDepth, ancestor = shape.ancestorDefinition, definedAt = shape.definedAt
        var validity = ValidityWriter(capacity: definitions.count)
        if repetitions.isEmpty {
            for d in definitions where Int(d) >= ancestor { validity.append(Int(d) >= definedAt) }
        } else {
            for i in 0..<definitions.count {
                let d = Int(definitions[i])
                guard Int(repetitions[i]) <= depth, d >= ancestor else { continue }
                validity.append(d >= definedAt)
            }
        }
        return (validity.count, validity.finish())
    }

    /// List offsets and validity of a list node from its first leaf's levels.
    private func listOffsets(_ leaf: DecodedLeaf, shape: ColumnShape,
                             elementDefinedAt: Int) throws -> ([Int32], Bitmap?) {
        let definitions = leaf.definitionLevels, repetitions = leaf.repetitionLevels
        guard definitions.count == leaf.entryCount, repetitions.count == leaf.entryCount else {
            throw ParquetError(.corruptData, "a repeated column lacks its levels")
        }
        let depth = shape.repetitionDepth, ancestor = shape.ancestorDefinition, definedAt = shape.definedAt
        var words = [UInt64](repeating: 0, count: (definitions.count + 63) / 64)
        var slots = 0, nulls = 0
        var broken = false
        let offsets = [Int32](unsafeUninitializedCapacity: definitions.count + 1) { out, initialized in
            out[0] = 0
            var total: Int32 = 0
            definitions.withUnsafeBufferPointer { defs in
                repetitions.withUnsafeBufferPointer { reps in
                    words.withUnsafeMutableBufferPointer { bits in
                        for i in 0..<defs.count {
                            let d = Int(defs[i]), r = Int(reps[i])
                            if r > depth + 1 { continue }
                            if r == depth + 1 {
                                if slots == 0 || d < elementDefinedAt { broken = true; return }
                                total += 1
                                out[slots] = total
                                continue
                            }
                            guard d >= ancestor else { continue }
                            if d >= elementDefinedAt { total += 1 }
                            if d >= definedAt { bits[slots >> 6] |= 1 << UInt64(slots & 63) } else { nulls += 1 }
                            slots += 1
                            out[slots] = total
                        }
                    }
                }
            }
            initialized = slots + 1
        }
        guard !broken else {
            throw ParquetError(.corruptData, "a repetition level continues a list that was never started")
        }
        let validity = nulls == 0 ? nil : Bitmap(words: Array(words.prefix((slots + 63) / 64)), count: slots)
        return (offsets, validity)
    }
}
