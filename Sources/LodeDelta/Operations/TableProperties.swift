/// The table properties (`metaData.configuration`) Lode's writer reads and checks.
///
/// Unknown `delta.*` keys are refused at creation, as Spark refuses them, so a typo
/// never silently turns a setting off; other keys are free-form.
public struct TableProperties: Sendable {
    public let values: [String: String]

    public init(_ values: [String: String]) { self.values = values }

    /// Properties `CREATE TABLE` accepts; each value is checked by ``validate(table:)``.
    public static let known: Set<String> = [
        "delta.appendOnly", "delta.checkpointInterval", "delta.deletedFileRetentionDuration",
        "delta.logRetentionDuration", "delta.dataSkippingNumIndexedCols", "delta.dataSkippingStatsColumns", "delta.isolationLevel",
        "delta.targetFileSize", "delta.enableExpiredLogCleanup", "delta.checkpoint.writeStatsAsJson",
        "delta.checkpoint.writeStatsAsStruct", "delta.minReaderVersion", "delta.minWriterVersion",
    ]

    /// 100 commits between checkpoints, as delta-rs.
    public static let defaultCheckpointInterval: Int64 = 100
    /// One week, Delta's default `delta.deletedFileRetentionDuration`.
    public static let defaultDeletedFileRetention: Int64 = 7 * 24 * 3_600_000
    /// 100 MiB, delta-rs's default file size for writes and OPTIMIZE.
    public static let defaultTargetFileSize = 104_857_600

    /// `delta.appendOnly`: no removes allowed.
    public var appendOnly: Bool { values["delta.appendOnly"]?.lowercased() == "true" }

    /// `delta.checkpointInterval`, default 100.
    public var checkpointInterval: Int64 {
        values["delta.checkpointInterval"].flatMap { Int64($0) }.flatMap { $0 > 0 ? $0 : nil }
            ?? Self.defaultCheckpointInterval
    }

    /// `delta.deletedFileRetentionDuration` in milliseconds, default one week.
    public var deletedFileRetention: Int64 {
        values["delta.deletedFileRetentionDuration"].flatMap(Self.intervalMilliseconds) ?? Self.defaultDeletedFileRetention
    }

    /// `delta.targetFileSize` in bytes, default 100 MiB.
    public var targetFileSize: Int {
        values["delta.targetFileSize"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? Self.defaultTargetFileSize
    }

    /// Throws a ``DeltaError`` naming the first unknown `delta.*` key or bad value.
    public func validate(table: String) throws {
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            func bad(_ expected: String) -> DeltaError {
                DeltaError(.invalidArgument, "table property \(key)=\(value): expected \(expected)", table: table)
            }
            if key.hasPrefix("delta.") && !Self.known.contains(key) {
                throw DeltaError(.invalidArgument, "unknown table property '\(key)'; Lode knows "
                                 + Self.known.sorted().joined(separator: ", "), table: table)
            }
            switch key {
            case "delta.appendOnly", "delta.enableExpiredLogCleanup", "delta.checkpoint.writeStatsAsJson",
                 "delta.checkpoint.writeStatsAsStruct":
                guard ["true", "false"].contains(value.lowercased()) else { throw bad("true or false") }
            case "delta.checkpointInterval", "delta.targetFileSize":
                guard let n = Int64(value), n > 0 else { throw bad("a positive integer") }
            case "delta.dataSkippingNumIndexedCols":
                guard let n = Int(value), n >= -1 else { throw bad("an integer of at least -1") }
            case "delta.deletedFileRetentionDuration", "delta.logRetentionDuration":
                guard Self.intervalMilliseconds(value) != nil else { throw bad("an interval such as 'interval 7 days'") }
            case "delta.isolationLevel":
                guard IsolationLevel(rawValue: value) != nil, value != "SnapshotIsolation" else {
                    throw bad("Serializable or WriteSerializable")
                }
            case "delta.minReaderVersion", "delta.minWriterVersion":
                throw DeltaError(.invalidArgument, "\(key) is chosen by Lode from the schema and properties", table: table)
            default: break
            }
        }
    }

    /// Milliseconds of a Delta interval such as `interval 7 days` or `interval 1 weeks`;
    /// `nil` when it does not parse.
    public static func intervalMilliseconds(_ text: String) -> Int64? {
        var words = text.lowercased().split(separator: " ").map(String.init)
        if words.first == "interval" { words.removeFirst() }
        guard words.count == 2, let amount = Int64(words[0]), amount >= 0 else { return nil }
        var unit = words[1]
        if unit.hasSuffix("s") { unit.removeLast() }
        let perUnit: Int64
        switch unit {
        case "nanosecond": return amount / 1_000_000
        case "microsecond": return amount / 1_000
        case "millisecond": perUnit = 1
        case "second": perUnit = 1_000
        case "minute": perUnit = 60_000
        case "hour": perUnit = 3_600_000
        case "day": perUnit = 86_400_000
        case "week": perUnit = 7 * 86_400_000
        default: return nil
        }
        let (ms, overflow) = amount.multipliedReportingOverflow(by: perUnit)
        return overflow ? nil : ms
    }
}
