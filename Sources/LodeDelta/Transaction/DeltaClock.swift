import Foundation

/// Where operations get the current time: commit timestamps, deletion timestamps,
/// VACUUM's retention cutoff. Tests inject a fixed or stepping clock.
///
/// ```swift
/// let clock = DeltaClock.fixed(1_700_000_000_000)
/// try WriteOperation(table: table).withClock(clock).execute([batch])
/// ```
public struct DeltaClock: Sendable {
    /// Milliseconds since the epoch.
    public let milliseconds: @Sendable () -> Int64

    public init(milliseconds: @escaping @Sendable () -> Int64) {
        self.milliseconds = milliseconds
    }

    /// The system's wall clock.
    public static let system = DeltaClock { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    /// A clock that always reads `milliseconds`.
    public static func fixed(_ milliseconds: Int64) -> DeltaClock {
        DeltaClock { milliseconds }
    }
}
