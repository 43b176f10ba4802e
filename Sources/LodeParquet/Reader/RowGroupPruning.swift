import LodeCore

extension ParquetReader {
    /// The indices of the row groups that may hold rows matching `predicate`,
    /// judged from column chunk statistics; see ``ParquetPredicate``.
    public func rowGroupsMatching(_ predicate: ParquetPredicate) -> [Int] {
        metadata.rowGroups.indices.filter { evaluate(predicate, rowGroup: $0) != .never }
    }

    /// What the statistics of one row group say about a predicate.
    enum Truth {
        /// No row matches.
        case never
        /// Every row matches.
        case always
        case maybe

        var negated: Truth {
            switch self {
            case .never: return .always
            case .always: return .never
            case .maybe: return .maybe
            }
        }
    }

    func evaluate(_ predicate: ParquetPredicate, rowGroup: Int) -> Truth {
        switch predicate {
        case .and(let parts):
            var result = Truth.always
            for part in parts {
                switch evaluate(part, rowGroup: rowGroup) {
                case .never: return .never
                case .maybe: result = .maybe
                case .always: break
                }
            }
            return result
        case .or(let parts):
            var result = Truth.never
            for part in parts {
                switch evaluate(part, rowGroup: rowGroup) {
                case .always: return .always
                case .maybe: result = .maybe
                case .never: break
                }
            }
            return result
        case .not(let inner):
            return evaluate(inner, rowGroup: rowGroup).negated
        case .isNull(let column):
            guard let stats = columnStatistics(column, rowGroup: rowGroup), let nulls = stats.nullCount else { return .maybe }
            if nulls == 0 { return .never }
            return nulls == stats.valueCount ? .always : .maybe
        case .isNotNull(let column):
            guard let stats = columnStatistics(column, rowGroup: rowGroup), let nulls = stats.nullCount else { return .maybe }
            if nulls == stats.valueCount { return .never }
            return nulls == 0 ? .always : .maybe
        case .compare(let column, let op, let literal):
            guard let stats = columnStatistics(column, rowGroup: rowGroup) else { return .maybe }
            if literal.isNull { return .never }
            if let nulls = stats.nullCount, nulls == stats.valueCount, stats.valueCount > 0 { return .never }
            guard let min = stats.min, let max = stats.max,
                  let lower = Value.compare(min, literal), let upper = Value.compare(max, literal) else { return .maybe }
            let noNulls = stats.nullCount == 0 && stats.allowsAlways
            switch op {
            case .equal:
                if lower > 0 || upper < 0 { return .never }
                return lower == 0 && upper == 0 && noNulls ? .always : .maybe
            case .notEqual:
                if lower == 0 && upper == 0 { return .never }
                return (lower > 0 || upper < 0) && noNulls ? .always : .maybe
            case .less:
                if lower >= 0 { return .never }
                return upper < 0 && noNulls ? .always : .maybe
            case .lessOrEqual:
                if lower > 0 { return .never }
                return upper <= 0 && noNulls ? .always : .maybe
            case .greater:
                if upper <= 0 { return .never }
                return lower > 0 && noNulls ? .always : .maybe
            case .greaterOrEqual:
                if upper < 0 { return .never }
                return lower >= 0 && noNulls ? .always : .maybe
            }
        }
    }

    /// Usable statistics of a column chunk.
    struct ColumnStatistics {
        var min: Value?
        var max: Value?
        var nullCount: Int64?
        var valueCount: Int64
        /// Whether every non-null value is known to lie within min and max (not so
        /// for floats, whose NaNs statistics leave out).
        var allowsAlways: Bool
    }

    func columnStatistics(_ column: String, rowGroup: Int) -> ColumnStatistics? {
        guard let leaf = predicateLeaf(column) else { return nil }
        let group = metadata.rowGroups[rowGroup]
        guard leaf.index < group.columns.count, let meta = group.columns[leaf.index].metaData,
              meta.type == leaf.physicalType, let statistics = meta.statistics else { return nil }
        var result = ColumnStatistics(min: nil, max: nil, nullCount: statistics.nullCount.flatMap { $0 >= 0 ? $0 : nil },
                                      valueCount: meta.numValues,
                                      allowsAlways: leaf.physicalType != .float && leaf.physicalType != .double
                                          && leaf.conversion != .float16ToFloat)
        if let nulls = result.nullCount, nulls > meta.numValues { result.nullCount = nil }
        if let min = statistics.minValue, let max = statistics.maxValue, typeDefinedOrder(leaf), !unreliableBinaryStatistics(leaf) {
            result.min = StatisticsValue.decode(min, leaf: leaf)
            result.max = StatisticsValue.decode(max, leaf: leaf)
        } else if let min = statistics.min, let max = statistics.max, StatisticsValue.hasSignedOrder(leaf) {
            result.min = StatisticsValue.decode(min, leaf: leaf)
            result.max = StatisticsValue.decode(max, leaf: leaf)
        }
        return result
    }

    /// The leaf a predicate column names: a top-level primitive field, or a leaf
    /// inside structs by dotted path; never a leaf inside a list or map.
    func predicateLeaf(_ column: String) -> LeafDescriptor? {
        if let index = schema.index(of: column), case .leaf(let leaf) = shapes[index].kind { return leaf }
        return leaves.first { $0.maxRepetitionLevel == 0 && $0.name == column }
    }

    private func typeDefinedOrder(_ leaf: LeafDescriptor) -> Bool {
        guard let orders = metadata.columnOrders else { return true }
        guard leaf.index < orders.count else { return false }
        return orders[leaf.index] == .typeDefinedOrder
    }

    /// parquet-mr before 1.10 ordered binary statistics as signed bytes.
    private func unreliableBinaryStatistics(_ leaf: LeafDescriptor) -> Bool {
        guard leaf.physicalType == .byteArray || leaf.physicalType == .fixedLenByteArray,
              let createdBy = metadata.createdBy, createdBy.hasPrefix("parquet-mr") else { return false }
        guard let range = createdBy.range(of: "version ") else { return true }
        let numbers = createdBy[range.upperBound...].prefix { $0.isNumber || $0 == "." }.split(separator: ".").compactMap { Int($0) }
        guard numbers.count >= 2 else { return true }
        return numbers[0] < 1 || (numbers[0] == 1 && numbers[1] < 10)
    }
}

extension ParquetReader {
    /// The smallest and largest value of top-level column `column` over every row group,
    /// from the footer's statistics; `nil` when a row group lacks them.
    public func valueRange(of column: String) -> (min: Value, max: Value)? {
        var bounds = ValueBounds()
        for group in 0..<rowGroupCount {
            guard let statistics = columnStatistics(column, rowGroup: group),
                  let min = statistics.min, let max = statistics.max else { return nil }
            bounds.include(min, max)
        }
        guard let low = bounds.min, let high = bounds.max else { return nil }
        return (low, high)
    }
}
