import LodeCore

/// Values of a BOOLEAN leaf, one `Bool` each.
struct BooleanStore: LeafValueStore {
    private var values: [Bool]

    init(capacity: Int, leaf: LeafDescriptor) {
        values = [Bool](repeating: false, count: capacity)
    }

    var dictionaryCount: Int { values.count }

    mutating func decode(_ bytes: UnsafeRawBufferPointer, encoding: Encoding, count: Int, at position: Int,
                         dictionary: BooleanStore?, scratch: inout [UInt32]) throws {
        precondition(position + count <= values.count, "page values exceed the chunk's slots")
        switch encoding {
        case .plain:
            try values.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                _ = try PlainDecoder.booleans(bytes, count: count, into: base + position)
            }
        case .rle:
            var cursor = DecodeCursor(bytes)
            let length = Int(try cursor.readUInt32LE())
            var decoder = try RleHybridDecoder(try cursor.readBytes(length), bitWidth: 1)
            try values.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                try base.withMemoryRebound(to: UInt8.self, capacity: buffer.count) {
                    try decoder.decode(into: $0 + position, count: count)
                }
            }
        case .plainDictionary, .rleDictionary:
            try decodeDictionaryIndices(bytes, count: count, at: position, dictionary: dictionary, scratch: &scratch)
        default:
            throw unsupportedEncoding(encoding)
        }
    }

    mutating func gather(from dictionary: BooleanStore, indices: UnsafeBufferPointer<UInt32>, at position: Int) throws {
        for i in 0..<indices.count { values[position + i] = dictionary.values[Int(indices[i])] }
    }

    mutating func spread(start: Int, denseCount: Int, slotCount: Int, levels: UnsafePointer<UInt8>, maxLevel: UInt8) {
        guard denseCount < slotCount else { return }
        values.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let out = base + start
            var k = denseCount
            var j = slotCount
            while j > k {
                j -= 1
                if levels[j] == maxLevel {
                    k -= 1
                    out[j] = out[k]
                } else {
                    out[j] = false
                }
            }
        }
    }

    mutating func finish(count: Int) -> PhysicalValues {
        if values.count > count { values.removeLast(values.count - count) }
        return .boolean(values)
    }

    static func dictionary(_ bytes: UnsafeRawBufferPointer, count: Int, leaf: LeafDescriptor) throws -> Self {
        guard count <= bytes.count * 8 else {
            throw ParquetError(.corruptData, "dictionary page of \(bytes.count) bytes cannot hold \(count) booleans")
        }
        var store = Self(capacity: count, leaf: leaf)
        var scratch: [UInt32] = []
        try store.decode(bytes, encoding: .plain, count: count, at: 0, dictionary: nil, scratch: &scratch)
        return store
    }
}
