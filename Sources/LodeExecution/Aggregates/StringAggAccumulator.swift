import LodeCore

/// `string_agg(x[, separator])`: the non-NULL values joined by the separator (`,` by
/// default; DuckDB takes it as a constant, so the first non-NULL one is used) in the order
/// they arrive; NULL for a group without values.
final class StringAggAccumulator: PairwiseAccumulator {
    private let type: DataType
    private var parts: [[UInt8]?] = []
    private var separator: [UInt8]?
    private var heldBytes = 0

    init(type: DataType) { self.type = type }

    func resize(groups count: Int) throws { grow(&parts, to: count, with: nil) }

    func update(groups: [Int32], arguments: [any ColumnArray]) throws {
        guard let column = arguments.first as? BinaryArray else {
            throw ExecutionError(.internal, "string_agg got \(arguments.first?.dataType.description ?? "no column")")
        }
        if separator == nil, arguments.count > 1, let separators = arguments[1] as? BinaryArray {
            if let i = (0..<separators.count).first(where: { !separators.isNull($0) }) {
                separator = Array(separators.bytes(at: i))
            }
        }
        let separator = self.separator ?? [UInt8(ascii: ",")]
        for i in 0..<groups.count where !column.isNull(i) {
            let g = Int(groups[i])
            let value = column.bytes(at: i)
            if parts[g] == nil {
                parts[g] = Array(value)
                heldBytes += value.count
            } else {
                parts[g]?.append(contentsOf: separator)
                parts[g]?.append(contentsOf: value)
                heldBytes += value.count + separator.count
            }
        }
    }

    func merge(_ other: any GroupedAccumulator, sources: [Int32], targets: [Int32]) throws {
        let other = try same(other)
        if separator == nil { separator = other.separator }
        let separator = self.separator ?? [UInt8(ascii: ",")]
        for i in sources.indices {
            let s = Int(sources[i]), t = Int(targets[i])
            guard let value = other.parts[s] else { continue }
            if parts[t] == nil {
                parts[t] = value
                heldBytes += value.count
            } else {
                parts[t]?.append(contentsOf: separator)
                parts[t]?.append(contentsOf: value)
                heldBytes += value.count + separator.count
            }
        }
    }

    func finish() throws -> any ColumnArray {
        var builder = BinaryBuilder(type, capacity: parts.count)
        for part in parts {
            if let part { builder.append(part) } else { builder.appendNull() }
        }
        return builder.finish()
    }

    var memoryUsage: Int { parts.capacity * 8 + heldBytes }
}
