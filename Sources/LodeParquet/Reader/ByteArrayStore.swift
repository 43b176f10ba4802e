import LodeCore

/// Values of a BYTE_ARRAY leaf: end offsets and the bytes back to back.
struct ByteArrayStore: LeafValueStore {
    /// `offsets[i] ..< offsets[i + 1]` are the bytes of value `i`.
    private var offsets: [Int32]
    private var data: [UInt8] = []

    init(capacity: Int, leaf: LeafDescriptor) {
        offsets = [Int32](repeating: 0, count: capacity + 1)
    }

    var dictionaryCount: Int { offsets.count - 1 }

    mutating func decode(_ bytes: UnsafeRawBufferPointer, encoding: Encoding, count: Int, at position: Int,
                         dictionary: ByteArrayStore?, scratch: inout [UInt32]) throws {
        precondition(position + count < offsets.count, "page values exceed the chunk's slots")
        precondition(Int(offsets[position]) == data.count, "pages decode in order")
        switch encoding {
        case .plain:
            try withEnds(at: position) { ends, data in
                _ = try PlainDecoder.byteArrays(bytes, count: count, ends: ends, data: &data)
            }
        case .deltaLengthByteArray:
            try withEnds(at: position) { ends, data in
                _ = try DeltaByteArrayDecoder.decodeLengthPrefixed(bytes, count: count, ends: ends, data: &data)
            }
        case .deltaByteArray:
            try withEnds(at: position) { ends, data in
                _ = try DeltaByteArrayDecoder.decodeIncremental(bytes, count: count, ends: ends, data: &data)
            }
        case .plainDictionary, .rleDictionary:
            try decodeDictionaryIndices(bytes, count: count, at: position, dictionary: dictionary, scratch: &scratch)
        default:
            throw unsupportedEncoding(encoding)
        }
    }

    private mutating func withEnds(at position: Int,
                                   _ body: (UnsafeMutablePointer<Int32>, inout [UInt8]) throws -> Void) throws {
        var data = self.data
        self.data = []
        defer { self.data = data }
        try offsets.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            try body(base + position + 1, &data)
        }
    }

    mutating func gather(from dictionary: ByteArrayStore, indices: UnsafeBufferPointer<UInt32>, at position: Int) throws {
        let start = data.count
        var added = 0
        dictionary.offsets.withUnsafeBufferPointer { source in
            for index in indices { added += Int(source[Int(index) + 1] &- source[Int(index)]) }
        }
        guard start + added <= Int(Int32.max) else { throw PlainDecoder.tooLarge() }
        PlainDecoder.appendZeros(&data, added)
        dictionary.offsets.withUnsafeBufferPointer { source in
            dictionary.data.withUnsafeBytes { bytes in
                data.withUnsafeMutableBytes { target in
                    offsets.withUnsafeMutableBufferPointer { ends in
                        guard let from = bytes.baseAddress, let to = target.baseAddress else {
                            // Every value is empty.
                            for i in 0..<indices.count { ends[position + i + 1] = Int32(start) }
                            return
                        }
                        var end = start
                        for i in 0..<indices.count {
                            let index = Int(indices[i])
                            let lower = Int(source[index]), length = Int(source[index + 1]) - lower
                            copySmall(to + end, from + lower, length)
                            end += length
                            ends[position + i + 1] = Int32(truncatingIfNeeded: end)
                        }
                    }
                }
            }
        }
    }

    mutating func spread(start: Int, denseCount: Int, slotCount: Int, levels: UnsafePointer<UInt8>, maxLevel: UInt8) {
        guard denseCount < slotCount else { return }
        offsets.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            // o[0] is the end of the previous page; o[1...] the page's ends.
            let o = base + start
            var k = denseCount
            var j = slotCount
            while j > k {
                j -= 1
                o[j + 1] = o[k]
                if levels[j] == maxLevel { k -= 1 }
            }
        }
    }

    mutating func finish(count: Int) -> PhysicalValues {
        if offsets.count > count + 1 { offsets.removeLast(offsets.count - count - 1) }
        return .bytes(offsets: offsets, data: data)
    }

    static func dictionary(_ bytes: UnsafeRawBufferPointer, count: Int, leaf: LeafDescriptor) throws -> Self {
        guard count <= bytes.count / 4 else {
            throw ParquetError(.corruptData, "dictionary page of \(bytes.count) bytes cannot hold \(count) byte arrays")
        }
        var store = Self(capacity: count, leaf: leaf)
        var scratch: [UInt32] = []
        try store.decode(bytes, encoding: .plain, count: count, at: 0, dictionary: nil, scratch: &scratch)
        return store
    }
}

/// Values of a FIXED_LEN_BYTE_ARRAY leaf, `width` bytes each.
struct FixedBytesStore: LeafValueStore {
    private var data: [UInt8]
    private let width: Int

    init(capacity: Int, leaf: LeafDescriptor) {
        width = leaf.typeLength
        data = [UInt8](repeating: 0, count: capacity * width)
    }

    var dictionaryCount: Int { width == 0 ? 0 : data.count / width }

    mutating func decode(_ bytes: UnsafeRawBufferPointer, encoding: Encoding, count: Int, at position: Int,
                         dictionary: FixedBytesStore?, scratch: inout [UInt32]) throws {
        precondition((position + count) * width <= data.count, "page values exceed the chunk's slots")
        let width = self.width
        switch encoding {
        case .plain:
            try data.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                _ = try PlainDecoder.fixedBytes(bytes, count: count, width: width, into: base + position * width)
            }
        case .byteStreamSplit:
            try data.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                try ByteStreamSplitDecoder.decode(bytes, count: count, width: width, into: base + position * width)
            }
        case .deltaByteArray:
            var ends = [Int32](repeating: 0, count: count)
            var values: [UInt8] = []
            try ends.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                _ = try DeltaByteArrayDecoder.decodeIncremental(bytes, count: count, fixedWidth: width, ends: base, data: &values)
            }
            data.withUnsafeMutableBufferPointer { buffer in
                for i in 0..<values.count { buffer[position * width + i] = values[i] }
            }
        case .plainDictionary, .rleDictionary:
            try decodeDictionaryIndices(bytes, count: count, at: position, dictionary: dictionary, scratch: &scratch)
        default:
            throw unsupportedEncoding(encoding)
        }
    }

    mutating func gather(from dictionary: FixedBytesStore, indices: UnsafeBufferPointer<UInt32>, at position: Int) throws {
        let width = self.width
        dictionary.data.withUnsafeBufferPointer { source in
            data.withUnsafeMutableBufferPointer { target in
                for (i, index) in indices.enumerated() {
                    let from = Int(index) * width, to = (position + i) * width
                    for b in 0..<width { target[to + b] = source[from + b] }
                }
            }
        }
    }

    mutating func spread(start: Int, denseCount: Int, slotCount: Int, levels: UnsafePointer<UInt8>, maxLevel: UInt8) {
        guard denseCount < slotCount else { return }
        let width = self.width
        data.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let out = base + start * width
            var k = denseCount
            var j = slotCount
            while j > k {
                j -= 1
                if levels[j] == maxLevel {
                    k -= 1
                    (out + j * width).update(from: out + k * width, count: width)
                } else {
                    (out + j * width).update(repeating: 0, count: width)
                }
            }
        }
    }

    mutating func finish(count: Int) -> PhysicalValues {
        if data.count > count * width { data.removeLast(data.count - count * width) }
        return .fixedBytes(width: width, data: data)
    }

    static func dictionary(_ bytes: UnsafeRawBufferPointer, count: Int, leaf: LeafDescriptor) throws -> Self {
        guard leaf.typeLength > 0, count <= bytes.count / leaf.typeLength else {
            throw ParquetError(.corruptData, "dictionary page of \(bytes.count) bytes cannot hold \(count) values")
        }
        var store = Self(capacity: count, leaf: leaf)
        var scratch: [UInt32] = []
        try store.decode(bytes, encoding: .plain, count: count, at: 0, dictionary: nil, scratch: &scratch)
        return store
    }
}
