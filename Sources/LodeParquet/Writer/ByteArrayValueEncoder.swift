#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LodeCore

/// Encodes a BYTE_ARRAY column (strings and binary) from a ``BinaryArray``'s offsets
/// and bytes, without making a `String` or an array per value.
final class ByteArrayValueEncoder: ValueEncoder {
    private let column: String
    private let dictionaryEnabled: Bool
    private let dictionaryLimit: Int
    private let statisticsEnabled: Bool

    private let dictionary = ByteArrayDictionaryEncoder()
    private var usingDictionary: Bool
    private var dictionaryUsed = false
    private var indices: [UInt32] = []
    private var plain: [UInt8] = []
    private var minimum: [UInt8]?
    private var maximum: [UInt8]?

    init(column: String, options: ParquetWriteOptions) {
        self.column = column
        dictionaryEnabled = options.dictionaryEnabled
        dictionaryLimit = options.dictionaryPageSizeLimit
        statisticsEnabled = options.statisticsEnabled
        usingDictionary = options.dictionaryEnabled
    }

    func append(_ array: any ColumnArray, _ selection: ValueSelection) throws {
        guard let array = array as? BinaryArray else {
            throw ParquetError(.invalidArgument, "expected a binary array, found \(type(of: array))", column: column)
        }
        try array.offsets.withUnsafeBufferPointer { offsets in
            try array.bytes.withUnsafeBufferPointer { bytes in
                try validate(offsets: offsets, byteCount: bytes.count, selection: selection)
                if usingDictionary {
                    dictionary.encode(offsets: offsets, bytes: bytes, selection: selection, into: &indices)
                } else {
                    PlainEncoder.appendByteArrays(offsets: offsets, bytes: bytes, selection: selection, to: &plain)
                    if statisticsEnabled { updateBounds(offsets: offsets, bytes: bytes, selection: selection) }
                }
            }
        }
    }

    private func validate(offsets: UnsafeBufferPointer<Int32>, byteCount: Int, selection: ValueSelection) throws {
        var valid = true
        if case .range(let rows) = selection {
            // Offsets in order from a non-negative first to a last within the bytes
            // bound every value of the run: one branch-free pass.
            guard !rows.isEmpty else { return }
            if rows.lowerBound < 0 || rows.upperBound >= offsets.count {
                valid = false
            } else {
                var descents: UInt8 = 0
                for k in rows { descents |= offsets[k] > offsets[k &+ 1] ? 1 : 0 }
                valid = descents == 0 && offsets[rows.lowerBound] >= 0 && Int(offsets[rows.upperBound]) <= byteCount
            }
        } else {
            selection.forEach { i in
                if i + 1 >= offsets.count {
                    valid = false
                    return
                }
                let start = offsets[i], end = offsets[i + 1]
                if start < 0 || end < start || Int(end) > byteCount { valid = false }
            }
        }
        guard valid else {
            throw ParquetError(.invalidArgument, "binary array offsets are out of order or exceed its bytes", column: column)
        }
    }

    private func updateBounds(offsets: UnsafeBufferPointer<Int32>, bytes: UnsafeBufferPointer<UInt8>,
                              selection: ValueSelection) {
        let base = UnsafeRawPointer(bytes.baseAddress)
        func value(_ i: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(start: base.map { $0 + Int(offsets[i]) }, count: Int(offsets[i + 1] - offsets[i]))
        }
        var low = -1, high = -1
        selection.forEach { i in
            if low < 0 {
                low = i
                high = i
                return
            }
            let v = value(i)
            if compareBytes(v, value(low)) < 0 { low = i }
            if compareBytes(v, value(high)) > 0 { high = i }
        }
        guard low >= 0 else { return }
        offer(value(low), value(high))
    }

    private func offer(_ low: UnsafeRawBufferPointer, _ high: UnsafeRawBufferPointer) {
        if let minimum {
            if minimum.withUnsafeBytes({ compareBytes(low, $0) }) < 0 { self.minimum = Array(low) }
        } else {
            minimum = Array(low)
        }
        if let maximum {
            if maximum.withUnsafeBytes({ compareBytes(high, $0) }) > 0 { self.maximum = Array(high) }
        } else {
            maximum = Array(high)
        }
    }

    var pageByteEstimate: Int {
        if usingDictionary {
            let width = RLEHybridEncoder.bitWidth(forMaxValue: UInt64(max(dictionary.count, 1)))
            return indices.count * width / 8 + 1
        }
        return plain.count
    }

    var dictionaryByteCount: Int { dictionary.plainByteCount }

    var dictionaryIsFull: Bool { usingDictionary && dictionaryByteCount >= dictionaryLimit }

    func fallBackToPlain() { usingDictionary = false }

    func flushPage(into out: inout [UInt8]) -> Encoding {
        if usingDictionary && !indices.isEmpty {
            dictionaryUsed = true
            let width = max(1, RLEHybridEncoder.bitWidth(forMaxValue: UInt64(dictionary.count - 1)))
            out.append(UInt8(width))
            indices.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: width, into: &out) }
            indices.removeAll(keepingCapacity: true)
            return .rleDictionary
        }
        out.append(contentsOf: plain)
        plain.removeAll(keepingCapacity: true)
        return .plain
    }

    func dictionaryPage() -> (body: [UInt8], count: Int)? {
        guard dictionaryUsed else { return nil }
        return (Array(dictionary.plainBytes), dictionary.count)
    }

    func statisticsBounds() -> (min: [UInt8], max: [UInt8])? {
        guard statisticsEnabled else { return nil }
        if dictionaryUsed && dictionary.count > 0 {
            var low = 0, high = 0
            for i in 1..<dictionary.count {
                let v = dictionary.entry(i)
                if compareBytes(v, dictionary.entry(low)) < 0 { low = i }
                if compareBytes(v, dictionary.entry(high)) > 0 { high = i }
            }
            offer(dictionary.entry(low), dictionary.entry(high))
        }
        guard let minimum, let maximum else { return nil }
        return (minimum, maximum)
    }

    func resetChunk() {
        dictionary.removeAll()
        usingDictionary = dictionaryEnabled
        dictionaryUsed = false
        indices.removeAll(keepingCapacity: true)
        plain.removeAll(keepingCapacity: true)
        minimum = nil
        maximum = nil
    }
}

/// Unsigned lexicographic comparison of two byte strings: negative, zero or positive.
@inline(__always)
func compareBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
    let n = min(a.count, b.count)
    if n > 0, let pa = a.baseAddress, let pb = b.baseAddress {
        let c = memcmp(pa, pb, n)
        if c != 0 { return Int(c) }
    }
    return a.count - b.count
}
