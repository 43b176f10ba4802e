#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import LodeCore
import LodeStorage

/// An optimistic transaction: actions prepared against the table as it was at
/// ``readVersion``, committed as the next version with put-if-absent.
///
/// When another writer took that version first, the winning commit is read and
/// checked against what this transaction read and writes (see ``ConflictChecker``);
/// without a conflict the same actions are tried at the following version, up to
/// ``maxAttempts`` times. A conflict throws ``DeltaError`` of kind `.conflict`
/// naming it (`ConcurrentAppend`, `ConcurrentDeleteRead`, …).
///
/// Test hooks, read from the environment at commit time (never set them in
/// production): `LODE_TEST_CRASH_BEFORE_COMMIT=1` makes the process exit at once
/// (status 86, no cleanup) where it would write the commit, after the operation wrote
/// its data files, to show that a killed writer leaves the table at its previous
/// version; `LODE_TEST_PAUSE_BEFORE_COMMIT_MS=n` waits `n` milliseconds there, so
/// that tests can let other writers commit in between.
struct Transaction {
    let store: any ObjectStore
    let paths: DeltaLogPaths
    /// The version the transaction read; `nil` when it creates the table.
    let readVersion: Int64?
    /// The configuration of the table as read (isolation level, checkpoint interval).
    var configuration: [String: String]
    var operation: TableOperation
    /// The actions to commit, without `commitInfo` (added at commit time).
    var actions: [DeltaAction] = []
    var reads = ConflictChecker.Reads()
    /// Whether the transaction only adds files it did not read (an append).
    var isBlindAppend = false
    var clock: DeltaClock = .system
    var maxAttempts = 100

    static let engineInfo = "Lode/0.1.0"
    static let crashHookVariable = "LODE_TEST_CRASH_BEFORE_COMMIT"
    static let pauseHookVariable = "LODE_TEST_PAUSE_BEFORE_COMMIT_MS"

    /// What a successful commit did.
    struct Outcome {
        var version: Int64
        /// How many versions were tried (1 when no other writer interfered).
        var attempts: Int
        /// The `commitInfo` written.
        var commitInfo: CommitInfo
    }

    /// Commits the actions as the next free version.
    func commit() throws -> Outcome {
        let environment = ProcessInfo.processInfo.environment
        if environment[Self.crashHookVariable] == "1" { _exit(86) }
        if let pause = environment[Self.pauseHookVariable].flatMap({ UInt32($0) }), pause > 0 {
            usleep(min(pause, 60_000) * 1000)
        }
        let writer = LogWriter(store: store, paths: paths)
        var version = (readVersion ?? -1) + 1
        let checker = ConflictChecker(reads: reads, actions: actions,
                                      isolationLevel: IsolationLevel(configuration: configuration),
                                      changesData: operation.changesData)
        for attempt in 1...max(1, maxAttempts) {
            var info = CommitInfo(timestamp: clock.milliseconds(), operation: operation.name,
                                  operationParameters: operation.parameters, operationMetrics: operation.metrics,
                                  engineInfo: Self.engineInfo, readVersion: readVersion,
                                  isolationLevel: checker.effectiveIsolationLevel.rawValue,
                                  isBlindAppend: isBlindAppend)
            info.txnId = UUID().uuidString.lowercased()
            if try writer.writeCommit(version: version, actions: [.commitInfo(info)] + actions) {
                return Outcome(version: version, attempts: attempt, commitInfo: info)
            }
            guard readVersion != nil else {
                throw DeltaError(.conflict, "the table was created by another writer at the same time",
                                 table: paths.displayName, version: version)
            }
            let winning = try writer.readCommit(version: version)
            if let (conflict, reason) = checker.conflict(with: winning) {
                throw DeltaError(.conflict, "\(conflict.rawValue): \(reason) in version \(version) after this "
                                 + "transaction read version \(readVersion ?? -1); retry the operation",
                                 table: paths.displayName, version: version)
            }
            version += 1
        }
        throw DeltaError(.conflict, "gave up after \(maxAttempts) attempts: other writers kept taking the next version",
                         table: paths.displayName, version: version)
    }
}
