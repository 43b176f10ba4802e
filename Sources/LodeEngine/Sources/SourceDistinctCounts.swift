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
        var bounds = ValueBounds()
        for file in files {
            guard let range = file.reader.valueRange(of: name) else { return nil }
            bounds.include(range.min, range.max)
        }
        guard let low = bounds.min, let high = bounds.max else { return nil }
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
        var bounds = ValueBounds()
        for file in snapshot.files {
            guard let text = file.stats, let stats = try? FileStatistics(json: text, schema: schema),
                  let min = stats.minValues[field.name], let max = stats.maxValues[field.name] else { return nil }
            bounds.include(min, max)
        }
        guard let low = bounds.min, let high = bounds.max else { return nil }
        return distinctCountBound(min: low, max: high, rows: estimatedRowCount)
    }
}
