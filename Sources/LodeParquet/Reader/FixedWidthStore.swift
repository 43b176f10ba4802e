import Foundation
import LodeCore

/// Values of a fixed-width numeric physical type (INT32, INT64, INT96 as Int64
/// microseconds, FLOAT, DOUBLE).
struct FixedWidthStore<T: FixedWidthValue>: LeafValueStore {
    private var values: [T]
    private let isInt96: Bool
    private let isInteger: Bool

    init(capacity: Int, leaf: LeafDescriptor) {
        values = [T](repeating: .zero, count: capacity)
        isInt96 = leaf.physicalType == .int96
        isInteger = leaf.physicalType == .int32 || leaf.physicalType == .int64
    }

    var dictionaryCount: Int { values.count }

    mutating func decode(_ bytes: UnsafeRawBufferPointer, encoding: Encoding, count: Int, at position: Int,
                         dictionary: FixedWidthStore<T>?, scratch: inout [UInt32]) throws {
        precondition(position + count <= values.count, "page values exceed the chunk's slots")
        switch encoding {
        case .plain:
            try values.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                if isInt96 {
                    try base.withMemoryRebound(to: Int64.self, capacity: buffer.count) {
                        _ = try PlainDecoder.int96(bytes, count: count, into: $0 + position)
                    }
                } else {
                    _ = try PlainDecoder.fixedWidth(bytes, count: count, into: base + position)
                }
            }
        case .plainDictionary, .rleDictionary:
            try decodeDictionaryIndices(bytes, count: count, at: position, dictionary: dictionary, scratch: &scratch)
        case .deltaBinaryPacked where isInteger:
            var decoder = try DeltaBinaryPackedDecoder(bytes, maxCount: count)
            guard decoder.totalCount == count else {
                throw ParquetError(.corruptData, "DELTA_BINARY_PACKED holds \(decoder.totalCount) values, page needs \(count)")
            }
            try values.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                if MemoryLayout<T>.size == 4 {
                    try decoder.decodeAll(into: base.assumingMemoryBound(to: Int32.self) + position)
                } else {
                    try decoder.decodeAll(into: base.assumingMemoryBound(to: Int64.self) + position)
                }
            }
        case .byteStreamSplit where !isInt96:
            try values.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                try ByteStreamSplitDecoder.decode(bytes, count: count, width: MemoryLayout<T>.size,
                                                  into: base + position * MemoryLayout<T>.stride)
            }
        default:
            throw unsupportedEncoding(encoding)
        }
    }

    mutating func gather(from dictionary: FixedWidthStore<T>, indices: UnsafeBufferPointer<UInt32>, at position: Int) throws {
        dictionary.values.withUnsafeBufferPointer { source in
            values.withUnsafeMutableBufferPointer { target in
                guard let from = source.baseAddress, let to = target.baseAddress else { return }
                let out = to + position
                for i in 0..<indices.count { out[i] = from[Int(indices[i])] }
            }
        }
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
                    out[j] = .zero
                }
            }
        }
    }

    mutating func finish(count: Int) -> PhysicalValues {
        if values.count > count { values.removeLast(values.count - count) }
        // Same-type reinterpretations: O(1), unlike a checked array cast.
        if T.self == Int32.self { return .int32(unsafeBitCast(values, to: [Int32].self)) }
        if T.self == Int64.self { return .int64(unsafeBitCast(values, to: [Int64].self)) }
        if T.self == Float.self { return .float(unsafeBitCast(values, to: [Float].self)) }
        if T.self == Double.self { return .double(unsafeBitCast(values, to: [Double].self)) }
        preconditionFailure("unexpected fixed-width storage \(T.self)")
    }

    /// A dictionary page's PLAIN values.
    static func dictionary(_ bytes: UnsafeRawBufferPointer, count: Int, leaf: LeafDescriptor) throws -> Self {
        let width = leaf.physicalType == .int96 ? 12 : MemoryLayout<T>.size
        guard count <= bytes.count / width else {
            throw ParquetError(.corruptData, "dictionary page of \(bytes.count) bytes cannot hold \(count) values")
        }
        var store = Self(capacity: count, leaf: leaf)
        var scratch: [UInt32] = []
        try store.decode(bytes, encoding: .plain, count: count, at: 0, dictionary: nil, scratch: &scratch)
        return store
    }
}

func unsupportedEncoding(_ encoding: Encoding) -> ParquetError {
    ParquetError(.unsupported, "encoding \(encoding) is not supported for this column type")
}
