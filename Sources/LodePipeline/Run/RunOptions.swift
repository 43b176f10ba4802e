import Foundation

/// What a run does and to which models.
public struct RunOptions: Sendable {
    public var command: RunCommand
    /// dbt-style selectors (`+fact_orders`, `silver.orders+`, `layer:gold`, `tag:pii`);
    /// empty selects every model.
    public var selectors: [String]
    /// Rebuild incremental models from their whole inputs instead of adding to them.
    public var fullRefresh: Bool
    /// Threads each query may use (default: every core).
    public var threads: Int?
    /// Models run at the same time when the graph allows (default 2).
    public var parallelModels: Int
    /// The run's clock, in tests.
    public var clock: @Sendable () -> Date

    public init(command: RunCommand = .build, selectors: [String] = [], fullRefresh: Bool = false, threads: Int? = nil,
                parallelModels: Int = 2, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.command = command
        self.selectors = selectors
        self.fullRefresh = fullRefresh
        self.threads = threads
        self.parallelModels = parallelModels
        self.clock = clock
    }
}
