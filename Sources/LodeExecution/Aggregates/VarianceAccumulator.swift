import Foundation
import LodeCore

/// `var_samp`, `var_pop`, `stddev_samp` and `stddev_pop` of DOUBLE values, by Welford's
/// online algorithm as DuckDB computes them.
final class VarianceAccumulator: PairwiseAccumulator {
    enum Kind: String {
        case sampleVariance = "var_samp", populationVariance = "var_pop"
        case sampleDeviation = "stddev_samp", populationDeviation = "stddev_pop"
    }

    private let kind: Kind
    private var counts: [Int64] = []
    private var means: [Double] = []
    /// Sums of squared differences from the mean.
    private var squares: [Double] = []

    init(kind: Kind) { self.kind = kind }

    func resize(groups count: Int) throws {
        grow(&counts, to: count, with: 0)
        grow(&means, to: count, with: 0)
        grow(&squares, to: count, with: 0)
    }

    func update(groups: [Int32], arguments: [any ColumnArray]) throws {
        guard let column = arguments.first as? PrimitiveArray<Double> else {
            throw ExecutionError(.internal, "\(kind.rawValue) got \(arguments.first?.dataType.description ?? "no column")")
        }
        let validity = column.validity
        column.storage.withUnsafeBufferPointer { values in
            for i in 0..<groups.count where validity?[i] ?? true {
                let g = Int(groups[i]), x = values[i]
                counts[g] += 1
                let mean = means[g]
                let newMean = mean + (x - mean) / Double(counts[g])
                squares[g] += (x - newMean) * (x - mean)
                means[g] = newMean
            }
        }
    }

    func merge(_ other: any GroupedAccumulator, sources: [Int32], targets: [Int32]) throws {
        let other = try same(other)
        for i in sources.indices {
            let s = Int(sources[i]), t = Int(targets[i])
            guard other.counts[s] > 0 else { continue }
            if counts[t] == 0 {
                counts[t] = other.counts[s]
                means[t] = other.means[s]
                squares[t] = other.squares[s]
                continue
            }
            let n1 = Double(counts[t]), n2 = Double(other.counts[s]), n = n1 + n2
            let delta = other.means[s] - means[t]
            squares[t] = other.squares[s] + squares[t] + delta * delta * n2 * n1 / n
            means[t] = (n2 * other.means[s] + n1 * means[t]) / n
            counts[t] += other.counts[s]
        }
    }

    func finish() throws -> any ColumnArray {
        var builder = PrimitiveBuilder<Double>(.float64, capacity: counts.count)
        for g in 0..<counts.count {
            let n = counts[g]
            let value: Double
            switch kind {
            case .sampleVariance, .sampleDeviation:
                guard n > 1 else { builder.appendNull(); continue }
                value = squares[g] / Double(n - 1)
            case .populationVariance, .populationDeviation:
                guard n > 0 else { builder.appendNull(); continue }
                value = n > 1 ? squares[g] / Double(n) : 0
            }
            guard value.isFinite else { throw ExecutionError(.outOfRange, "\(kind.rawValue) is out of range") }
            builder.append(kind == .sampleDeviation || kind == .populationDeviation ? value.squareRoot() : value)
        }
        return builder.finish()
    }

    var memoryUsage: Int { counts.capacity * 24 }
}
