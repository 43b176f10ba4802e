/// A row that could not be read, kept whole so it can be routed to a quarantine.
public struct BadRow: Hashable, Sendable, CustomStringConvertible {
    /// The file the row came from; `nil` for in-memory input.
    public var file: String?
    /// 1-based line on which the row starts.
    public var line: Int
    /// The column whose value failed, when one did.
    public var column: String?
    /// Why the row was rejected.
    public var reason: String
    /// The row's bytes exactly as read, without its line terminator.
    public var raw: [UInt8]

    public init(file: String?, line: Int, column: String?, reason: String, raw: [UInt8]) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
        self.raw = raw
    }

    /// ``raw`` decoded as UTF-8, invalid sequences replaced.
    public var text: String { String(decoding: raw, as: UTF8.self) }

    public var description: String {
        "\(file.map { $0 + ", " } ?? "")line \(line)\(column.map { ", column '\($0)'" } ?? ""): \(reason)"
    }
}

/// What a reader does with a row that does not parse.
public enum BadRowPolicy: Sendable, Hashable {
    /// Throw a ``FormatError`` of kind ``FormatError/Kind/badRow`` naming the row.
    case fail
    /// Drop the row silently.
    case skip
    /// Drop the row from the batches and keep it in the reader's `badRows`.
    case collect
}

/// Applies a ``BadRowPolicy`` to the bad rows a reader meets, in file order.
struct BadRowLog {
    let policy: BadRowPolicy
    let limit: Int?
    private(set) var rows: [BadRow] = []
    private(set) var total = 0

    init(policy: BadRowPolicy, limit: Int?) {
        self.policy = policy
        self.limit = limit
    }

    /// Records `row`, throwing when the policy says to fail or the limit is passed.
    mutating func record(_ row: BadRow) throws {
        total += 1
        switch policy {
        case .fail: throw FormatError(badRow: row)
        case .skip: break
        case .collect: rows.append(row)
        }
        if let limit, total > limit {
            var error = FormatError(.tooManyBadRows, "more than \(limit) bad rows; the last: \(row.reason)",
                                    file: row.file, line: row.line, column: row.column)
            error.badRow = row
            throw error
        }
    }

    mutating func take() -> [BadRow] {
        defer { rows = [] }
        return rows
    }
}
