import LodeCore

/// Validity bits written one slot at a time into preallocated words.
struct ValidityWriter {
    private(set) var words: [UInt64]
    private(set) var count = 0
    private var nulls = 0

    init(capacity: Int) { words = [UInt64](repeating: 0, count: (capacity + 63) / 64) }

    @inline(__always)
    mutating func append(_ valid: Bool) {
        if valid {
            words.withUnsafeMutableBufferPointer { $0[count >> 6] |= 1 << UInt64(count & 63) }
        } else {
            nulls += 1
        }
        count += 1
    }

    /// The bitmap, or `nil` when no slot is null.
    func finish() -> Bitmap? {
        guard nulls > 0 else { return nil }
        return Bitmap(words: Array(words.prefix((count + 63) / 64)), count: count)
    }
}

extension RecordAssembler {
    /// A repeated leaf's dense values placed in its slots (entries whose
    /// definition level reaches `ancestorDefinition`), null where the leaf itself
    /// is undefined.
    func scatterRepeated(_ leaf: DecodedLeaf, maxDefinition: Int, ancestorDefinition: Int) throws -> any ColumnArray {
        let definitions = leaf.definitionLevels
        guard definitions.count == leaf.entryCount else {
            throw ParquetError(.corruptData, "a repeated column lacks its levels")
        }
        let ancestor = UInt8(clamping: ancestorDefinition), defined = UInt8(clamping: maxDefinition)
        var slots = 0, present = 0
        for d in definitions where d >= ancestor {
            slots += 1
            if d == defined { present += 1 }
        }
        guard present == leaf.values.count else {
            throw ParquetError(.corruptData, "column holds \(leaf.values.count) values, its levels define \(present)")
        }
        var validity = ValidityWriter(capacity: slots)

        func fixed<T: FixedWidthValue>(_ array: PrimitiveArray<T>) -> any ColumnArray {
            let storage = definitions.withUnsafeBufferPointer { levels in
                array.storage.withUnsafeBufferPointer { dense in
                    [T](unsafeUninitializedCapacity: slots) { out, initialized in
                        var k = 0, j = 0
                        for d in levels where d >= ancestor {
                            if d == defined {
                                out[j] = dense[k]
                                k += 1
                                validity.append(true)
                            } else {
                                out[j] = .zero
                                validity.append(false)
                            }
                            j += 1
                        }
                        initialized = slots
                    }
                }
            }
            return PrimitiveArray(array.dataType, storage: storage, validity: validity.finish())
        }

        switch leaf.values {
        case let a as PrimitiveArray<Int8>: return fixed(a)
        case let a as PrimitiveArray<Int16>: return fixed(a)
        case let a as PrimitiveArray<Int32>: return fixed(a)
        case let a as PrimitiveArray<Int64>: return fixed(a)
        case let a as PrimitiveArray<Float>: return fixed(a)
        case let a as PrimitiveArray<Double>: return fixed(a)
        case let a as PrimitiveArray<Int128>: return fixed(a)
        case let a as BooleanArray:
            var storage: [Bool] = []
            storage.reserveCapacity(slots)
            var k = 0
            for d in definitions where d >= ancestor {
                if d == defined {
                    storage.append(a.storage[k])
                    k += 1
                    validity.append(true)
                } else {
                    storage.append(false)
                    validity.append(false)
                }
            }
            return BooleanArray(storage: storage, validity: validity.finish())
        case let a as BinaryArray:
            // Dense values keep their bytes; only the offsets gain the null slots.
            var offsets: [Int32] = []
            offsets.reserveCapacity(slots + 1)
            offsets.append(0)
            var k = 0
            a.offsets.withUnsafeBufferPointer { ends in
                for d in definitions where d >= ancestor {
                    if d == defined {
                        k += 1
                        validity.append(true)
                    } else {
                        validity.append(false)
                    }
                    offsets.append(ends[k])
                }
            }
            return BinaryArray(a.dataType, offsets: offsets, bytes: a.bytes, validity: validity.finish())
        default:
            throw ParquetError(.unsupported, "cannot place values of type \(leaf.values.dataType)")
        }
    }
}
