import Foundation
import LodeCore

extension QualityCheck {
    /// Runs the check on `table` (a name the query runner resolves) and judges the result.
    ///
    /// `query` runs one SQL query and returns its first row. `history` holds the row counts
    /// of earlier successful runs (newest first), for volume anomalies; `now` is the clock
    /// freshness is measured against.
    public func evaluate(table: String, query: (String) throws -> [Value], history: [Int] = [],
                         now: Date = Date()) -> CheckResult {
        do { return try judge(table: table, query: query, history: history, now: now) } catch {
            return CheckResult(check: self, status: .error, failingRows: 0, message: "\(error)")
        }
    }

    private func judge(table: String, query: (String) throws -> [Value], history: [Int], now: Date) throws -> CheckResult {
        let column = self.column.map(quoteIdentifier) ?? ""
        func count(_ sql: String) throws -> Int {
            guard let first = try query(sql).first else { return 0 }
            if case .int(let n) = first { return Int(n) }
            if case .decimal(let d) = first { return Int(d.doubleValue) }
            return 0
        }
        func failing(_ n: Int, _ what: String) -> CheckResult {
            n == 0 ? CheckResult(check: self, status: .pass, failingRows: 0, message: "ok")
                : CheckResult(check: self, status: severity == .warn ? .warn : .fail, failingRows: n, message: "\(n) \(what)")
        }
        func bounded(_ ok: Bool, _ message: String) -> CheckResult {
            ok ? CheckResult(check: self, status: .pass, failingRows: 0, message: message)
                : CheckResult(check: self, status: severity == .warn ? .warn : .fail, failingRows: 0, message: message)
        }
        switch kind {
        case .notNull:
            return failing(try count("SELECT count(*) FROM \(table) WHERE \(column) IS NULL"), "rows with NULL \(self.column ?? "")")
        case .unique:
            let n = try count("""
                SELECT coalesce(sum(n), 0) FROM (SELECT count(*) AS n FROM \(table) WHERE \(column) IS NOT NULL
                GROUP BY \(column) HAVING count(*) > 1) AS duplicates
                """)
            return failing(n, "rows share a \(self.column ?? "") value with another row")
        case .acceptedValues(let values):
            let list = values.map(quoteLiteral).joined(separator: ", ")
            let n = try count("SELECT count(*) FROM \(table) WHERE \(column) IS NOT NULL AND CAST(\(column) AS VARCHAR) NOT IN (\(list))")
            return failing(n, "rows outside the accepted values")
        case .relationships(let other, let field):
            let n = try count("""
                SELECT count(*) FROM \(table) AS child WHERE child.\(column) IS NOT NULL AND NOT EXISTS (
                SELECT 1 FROM \(other) AS parent WHERE parent.\(quoteIdentifier(field)) = child.\(column))
                """)
            return failing(n, "rows without a match in \(other).\(field)")
        case .rowCount(let min, let max):
            let n = try count("SELECT count(*) FROM \(table)")
            return bounded((min.map { n >= $0 } ?? true) && (max.map { n <= $0 } ?? true),
                           "\(n) rows (expected \(min.map { "at least \($0)" } ?? "")\(min != nil && max != nil ? " and " : "")\(max.map { "at most \($0)" } ?? ""))")
        case .nullPercentage(let min, let max):
            let row = try query("SELECT count(*), count(\(column)) FROM \(table)")
            guard row.count == 2, case .int(let total) = row[0], case .int(let present) = row[1] else {
                return bounded(true, "no rows")
            }
            let share = total == 0 ? 0 : Double(total - present) / Double(total)
            let ok = (min.map { share >= $0 } ?? true) && (max.map { share <= $0 } ?? true)
            return bounded(ok, String(format: "%.1f%% NULL", share * 100))
        case .freshness(let maxAge):
            guard let newest = try query("SELECT max(\(column)) FROM \(table)").first else { return bounded(false, "no rows") }
            let seconds: Double
            switch newest {
            case .timestamp(let value, let unit, _): seconds = Double(value) / Double(unit.perSecond)
            case .date(let days): seconds = Double(days) * 86_400
            case .null: return bounded(false, "no values in \(self.column ?? "")")
            default: return CheckResult(check: self, status: .error, failingRows: 0, message: "freshness needs a DATE or TIMESTAMP column")
            }
            let age = now.timeIntervalSince1970 - seconds
            return bounded(age <= maxAge, String(format: "newest value is %.1f hours old", age / 3_600))
        case .volumeAnomaly(let tolerance, let minimumRuns):
            let n = try count("SELECT count(*) FROM \(table)")
            guard history.count >= minimumRuns else {
                return bounded(true, "\(n) rows; \(history.count) earlier run\(history.count == 1 ? "" : "s"), \(minimumRuns) needed to judge")
            }
            let mean = Double(history.reduce(0, +)) / Double(history.count)
            let deviation = mean == 0 ? (n == 0 ? 0 : 1) : abs(Double(n) - mean) / mean
            return bounded(deviation <= tolerance, String(format: "%d rows, %.0f%% from the mean of %d earlier runs (%.0f)",
                                                           n, deviation * 100, history.count, mean))
        case .sql(let text):
            let body = text.replacingOccurrences(of: "{{ this }}", with: table).replacingOccurrences(of: "{{this}}", with: table)
            return failing(try count("SELECT count(*) FROM (\(body)) AS failing_rows"), "failing rows")
        }
    }
}

/// `"name"` with embedded quotes doubled.
func quoteIdentifier(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

/// `'text'` with embedded quotes doubled.
func quoteLiteral(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
