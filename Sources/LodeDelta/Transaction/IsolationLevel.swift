/// How strictly a transaction is checked against commits that landed after it read
/// the table (`delta.isolationLevel`).
public enum IsolationLevel: String, Sendable, Hashable {
    /// Concurrent blind appends never conflict, whatever the transaction read (the default).
    case writeSerializable = "WriteSerializable"
    /// Any concurrent add the transaction would have read is a conflict.
    case serializable = "Serializable"
    /// Concurrent adds are never checked; used for transactions that change no data
    /// (OPTIMIZE).
    case snapshotIsolation = "SnapshotIsolation"

    /// The level a table's configuration asks for; `WriteSerializable` when unset or unknown.
    public init(configuration: [String: String]) {
        self = configuration["delta.isolationLevel"].flatMap(IsolationLevel.init(rawValue:)) ?? .writeSerializable
    }
}
