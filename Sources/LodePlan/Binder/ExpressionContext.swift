import LodeCore
import LodeSQL

/// What binding an expression may meet: the names in scope, and whether aggregates and
/// window functions are allowed (and where they are collected).
struct ExpressionContext {
    var frame: BindFrame
    /// The clause being bound, for error messages: `WHERE`, `GROUP BY`, ...
    var clause: String
    /// Present after aggregation: aggregate calls are collected here and the result is
    /// expressed over group and aggregate columns.
    var aggregation: AggregationState?
    /// Present where window functions are allowed.
    var windows: WindowState?
    /// Inside an aggregate's arguments (nested aggregates are an error).
    var insideAggregate = false
    /// Inside a window function's arguments, partitioning or ordering.
    var insideWindow = false
    /// Select-list aliases a bare name may refer to when no column of the `FROM` clause
    /// has that name (`WHERE`, `HAVING`, `QUALIFY`), keyed by lower-cased name.
    var aliases: [String: Expression] = [:]

    init(frame: BindFrame, clause: String, aggregation: AggregationState? = nil, windows: WindowState? = nil) {
        self.frame = frame
        self.clause = clause
        self.aggregation = aggregation
        self.windows = windows
    }
}
