import LodeCore
import LodeDelta
import LodeParquet
import LodePlan

extension ParquetSource {
    /// The width of the column's min/max range over every file's row groups, for integer
    /// and date columns.
    public func distinctCount(ofColumn index: Int) -> Int? {
        guard index < schema.count else { return nil }
        let name = schema.fields[index].name
        var low: Value?, high: Value?
        for file in files {
            guard let range = file.reader.valueRange(of: name) else { return nil }
            if low == nil || (Value.compare(range.min, low!) ?? 0) < 0 { low = range.min }
            if high == nil || (Value.compare(range.max, high!) ?? 0) > 0 { high = range.max }
        }
        guard let low, let high else { return nil }
        return distinctCountBound(min: low, max: high, rows: estimatedRowCount)
    }
}

extension DeltaSource {
    /// For a partition column, the number of distinct partition values; otherwise the width
    /// of the min/max range in the files' statistics, for integer and date columns.
    public func distinctCount(ofColumn index: Int) -> Int? {
        guard index < schema.count else { return nil }
        let field = schema.fields[index]
        if snapshot.partitionColumns.contains(field.name) {
            return Set(snapshot.files.map { $0.partitionValues[field.name] ?? nil }).count
        }
        var low: Value?, high: Value?
        for file in snapshot.files {
            guard let text = file.stats, let stats = try? FileStatistics(json: text, schema: schema),
                  let min = stats.minValues[field.name], let max = stats.maxValues[field.name] else { return nil }
            if low == nil || (Value.compare(min, low!) ?? 0) < 0 { low = min }
            if high == nil || (Value.compare(max, high!) ?? 0) > 0 { high = max }
        }
        guard let low, let high else { return nil }
        return distinctCountBound(min: low, max: high, rows: estimatedRowCount)
    }
}
