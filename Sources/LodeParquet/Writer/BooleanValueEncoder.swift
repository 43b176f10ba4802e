import LodeCore

/// Encodes a BOOLEAN column PLAIN (bit-packed); booleans never use a dictionary.
final class BooleanValueEncoder: ValueEncoder {
    private let column: String
    private let statisticsEnabled: Bool
    /// The current page's values, one byte (0 or 1) each until the page is packed.
    private var values: [UInt8] = []
    private var seenFalse = false
    private var seenTrue = false

    init(column: String, options: ParquetWriteOptions) {
        self.column = column
        statisticsEnabled = options.statisticsEnabled
    }

    func append(_ array: any ColumnArray, _ selection: ValueSelection) throws {
        guard let array = array as? BooleanArray else {
            throw ParquetError(.invalidArgument, "expected a boolean array, found \(type(of: array))", column: column)
        }
        let start = values.count
        array.storage.withUnsafeBufferPointer { storage in
            switch selection {
            case .range(let range):
                UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(storage)[range]).withMemoryRebound(to: UInt8.self) {
                    values.append(contentsOf: $0)
                }
            case .indices:
                values.reserveCapacity(values.count + selection.count)
                selection.forEach { values.append(storage[$0] ? 1 : 0) }
            }
        }
        if statisticsEnabled && !(seenFalse && seenTrue) {
            for v in values[start...] {
                if v == 0 { seenFalse = true } else { seenTrue = true }
            }
        }
    }

    var pageByteEstimate: Int { values.count / 8 }
    var dictionaryByteCount: Int { 0 }
    var dictionaryIsFull: Bool { false }
    func fallBackToPlain() {}

    func flushPage(into out: inout [UInt8]) -> Encoding {
        values.withUnsafeBufferPointer { PlainEncoder.appendBooleans($0, to: &out) }
        values.removeAll(keepingCapacity: true)
        return .plain
    }

    func dictionaryPage() -> (body: [UInt8], count: Int)? { nil }

    func statisticsBounds() -> (min: [UInt8], max: [UInt8])? {
        guard statisticsEnabled, seenFalse || seenTrue else { return nil }
        return ([seenFalse ? 0 : 1], [seenTrue ? 1 : 0])
    }

    func resetChunk() {
        values.removeAll(keepingCapacity: true)
        seenFalse = false
        seenTrue = false
    }
}
