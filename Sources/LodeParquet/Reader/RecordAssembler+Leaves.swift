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
        func fixed<T: FixedWidthValue & ZeroValue>(_ array: PrimitiveArray<T>) -> any ColumnArray {
            let (storage, bitmap) = Self.spread(array.storage, definitions, slots: slots, ancestor: ancestor, defined: defined)
            return PrimitiveArray(array.dataType, storage: storage, validity: bitmap)
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
            let (storage, bitmap) = Self.spread(a.storage, definitions, slots: slots, ancestor: ancestor, defined: defined)
            return BooleanArray(storage: storage, validity: bitmap)
        case let a as BinaryArray:
            // Dense values keep their bytes; only the offsets gain the null slots.
            let (ends, bitmap) = Self.spread(Array(a.offsets.dropFirst()), definitions, slots: slots, ancestor: ancestor,
                                             defined: defined, fillNullsWithPrevious: true)
            return BinaryArray(a.dataType, offsets: [0] + ends, bytes: a.bytes, validity: bitmap)
        default:
            throw ParquetError(.unsupported, "cannot place values of type \(leaf.values.dataType)")
        }
    }

    /// Slot `j` of the result holds the next dense value where the slot's level is
    /// `defined`, and zero (or, with `fillNullsWithPrevious`, the previous slot's
    /// value) elsewhere; levels below `ancestor` are not slots.
    static func spread<T: Hashable>(_ dense: [T], _ definitions: [UInt8], slots: Int, ancestor: UInt8, defined: UInt8,
                                    fillNullsWithPrevious: Bool = false) -> ([T], Bitmap?) where T: ZeroValue {
        var words = [UInt64](repeating: 0, count: (slots + 63) / 64)
        var nulls = 0
        let storage = [T](unsafeUninitializedCapacity: slots) { out, initialized in
            definitions.withUnsafeBufferPointer { levels in
                dense.withUnsafeBufferPointer { values in
                    words.withUnsafeMutableBufferPointer { bits in
                        var k = 0, j = 0
                        var previous = T.zeroValue
                        for d in levels where d >= ancestor {
                            if d == defined {
                                previous = values[k]
                                out[j] = previous
                                k += 1
                                bits[j >> 6] |= 1 << UInt64(j & 63)
                            } else {
                                out[j] = fillNullsWithPrevious ? previous : .zeroValue
                                nulls += 1
                            }
                            j += 1
                        }
                    }
                }
            }
            initialized = slots
        }
        return (storage, nulls == 0 ? nil : Bitmap(words: words, count: slots))
    }
}

/// A type's zero, for filling null slots.
protocol ZeroValue { static var zeroValue: Self { get } }
extension Int8: ZeroValue { static var zeroValue: Int8 { 0 } }
extension Int16: ZeroValue { static var zeroValue: Int16 { 0 } }
extension Int32: ZeroValue { static var zeroValue: Int32 { 0 } }
extension Int64: ZeroValue { static var zeroValue: Int64 { 0 } }
extension Int128: ZeroValue { static var zeroValue: Int128 { 0 } }
extension Float: ZeroValue { static var zeroValue: Float { 0 } }
extension Double: ZeroValue { static var zeroValue: Double { 0 } }
extension Bool: ZeroValue { static var zeroValue: Bool { false } }
