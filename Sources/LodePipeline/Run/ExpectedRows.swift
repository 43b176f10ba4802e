import LodeCore
import LodeEngine

/// A model's computed rows after its `EXPECT` rules: the rows kept, the rows set aside
/// for quarantine (with the rule that caught them), counts per rule, and the failure
/// when a `FAIL` rule was violated.
struct ExpectedRows {
    var schema: Schema
    var batches: [RecordBatch]
    var dropped = 0
    /// Quarantined rows, in groups sharing one rule.
    var quarantined: [(rule: String, rows: RecordBatch)] = []
    /// One result per rule: pass, or warn with the violating row count (fail for `FAIL`).
    var results: [CheckResult] = []
    var failure: String?

    var rowCount: Int { batches.reduce(0) { $0 + $1.count } }

    /// Runs `sql` with one flag column per rule and sorts the rows by the rules they break.
    /// A row passes a rule when its condition is TRUE; FALSE and NULL break it. A row
    /// breaking several rules is quarantined if any of them quarantines, else dropped
    /// if any drops.
    static func compute(sql: String, expectations: [Expectation], session: Session) throws -> ExpectedRows {
        guard !expectations.isEmpty else {
            let result = try session.execute(sql)
            return ExpectedRows(schema: result.schema, batches: result.batches)
        }
        let flags = expectations.enumerated().map { index, rule in
            "coalesce((\(rule.condition)), false) AS \(quoteIdentifier("__lode_expect_\(index)"))"
        }
        let result = try session.execute("SELECT *, \(flags.joined(separator: ", ")) FROM (\(sql)) AS \(quoteIdentifier("__lode_rows"))")
        let width = result.schema.count - expectations.count
        var rows = ExpectedRows(schema: result.schema.project(Array(0..<width)), batches: [])
        var violations = Array(repeating: 0, count: expectations.count)
        for batch in result.batches {
            let passes = (0..<expectations.count).map { batch.columns[width + $0] as? BooleanArray }
            var kept: [Int] = []
            var quarantinedBy: [Int: [Int]] = [:]
            for row in 0..<batch.count {
                var quarantineRule: Int?
                var drop = false
                for (index, rule) in expectations.enumerated() {
                    guard let flags = passes[index], !(flags.storage[row] && !flags.isNull(row)) else { continue }
                    violations[index] += 1
                    switch rule.action {
                    case .warn, .fail: break
                    case .dropRow: drop = true
                    case .quarantine: if quarantineRule == nil { quarantineRule = index }
                    }
                }
                if let rule = quarantineRule {
                    quarantinedBy[rule, default: []].append(row)
                } else if drop {
                    rows.dropped += 1
                } else {
                    kept.append(row)
                }
            }
            let columns = Array(0..<width)
            rows.batches.append(kept.count == batch.count ? batch.project(columns) : batch.take(kept).project(columns))
            for (rule, indices) in quarantinedBy.sorted(by: { $0.key < $1.key }) {
                rows.quarantined.append((expectations[rule].name, batch.take(indices).project(columns)))
            }
        }
        for (index, rule) in expectations.enumerated() {
            let check = QualityCheck(name: rule.name, kind: .sql(rule.condition), severity: rule.action == .fail ? .error : .warn)
            let count = violations[index]
            let status: CheckResult.Status = count == 0 ? .pass : rule.action == .fail ? .fail : .warn
            let action = rule.action.rawValue.uppercased()
            rows.results.append(CheckResult(check: check, status: status, failingRows: count,
                                            message: count == 0 ? "ok" : "\(count) rows break EXPECT \(rule.name) (ON VIOLATION \(action))"))
            if count > 0, rule.action == .fail, rows.failure == nil {
                rows.failure = "\(count) rows break EXPECT \(rule.name) (\(rule.condition)) ON VIOLATION FAIL; nothing was published"
            }
        }
        return rows
    }
}
