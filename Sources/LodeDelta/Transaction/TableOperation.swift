import LodeCore

/// What a commit says it did: the `operation`, `operationParameters` and
/// `operationMetrics` of its `commitInfo`.
struct TableOperation {
    /// `CREATE TABLE`, `WRITE`, `DELETE`, `OPTIMIZE`, `VACUUM START`, `VACUUM END`.
    var name: String
    /// Parameter values as JSON text: `"\"Append\""`, `"[\"region\"]"`.
    var parameters: [String: String] = [:]
    /// Metric values as text, the way Spark writes them (`"3"`).
    var metrics: [String: String] = [:]
    /// False for operations that only rearrange data (OPTIMIZE) or touch none (VACUUM).
    var changesData = true

    /// `text` as a JSON string literal, for ``parameters``.
    static func jsonString(_ text: String) -> String { JSONValue.quoted(text) }

    /// `items` as a JSON array of strings, itself as a JSON string literal (Spark
    /// records `partitionBy` as `"[\"a\",\"b\"]"`).
    static func jsonListString(_ items: [String]) -> String {
        jsonString("[" + items.map { JSONValue.quoted($0) }.joined(separator: ",") + "]")
    }
}
