import LodeCore

/// A condition on column values used to skip row groups by their statistics.
///
/// The reader prunes row groups whose `min_value`/`max_value`/`null_count`
/// statistics prove that no row can match; it does not filter rows, so a row group
/// it keeps may still hold rows that fail the predicate. Comparisons follow SQL:
/// a null never matches. Columns are named by top-level field or, for a field
/// inside structs, by its dotted path; anything the statistics cannot decide
/// (lists, maps, missing or unusable statistics, incomparable values) keeps the
/// row group.
///
/// ```swift
/// let recent = ParquetPredicate.and([
///     .compare(column: "day", .greaterOrEqual, .date(19_700)),
///     .isNotNull("customer"),
/// ])
/// let groups = reader.rowGroupsMatching(recent)
/// ```
public indirect enum ParquetPredicate: Sendable, Hashable {
    case compare(column: String, ComparisonOperator, Value)
    case isNull(String)
    case isNotNull(String)
    case and([ParquetPredicate])
    case or([ParquetPredicate])
    case not(ParquetPredicate)

    /// How a column's value relates to a literal.
    public enum ComparisonOperator: String, Sendable, Hashable {
        case equal = "="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
    }
}
