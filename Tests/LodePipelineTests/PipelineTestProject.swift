import Foundation
import LodeCore
import LodeEngine
@testable import LodePipeline

/// A throwaway project folder: write lode.yml, models and source files, run, query.
final class PipelineTestProject {
    let root: String
    var clock = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01

    init(sources: String) throws {
        root = NSTemporaryDirectory() + "lode-pipeline-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: root + "/sources", withIntermediateDirectories: true)
        try write("lode.yml", "name: test\nlake: lake\nsources:\n" + sources)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ path: String, _ text: String) throws {
        let full = root + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    func remove(_ path: String) throws { try FileManager.default.removeItem(atPath: root + "/" + path) }

    @discardableResult
    func run(_ command: RunCommand = .build, select: [String] = [], fullRefresh: Bool = false) throws -> RunSummary {
        clock += 3_600
        let now = clock
        let project = try Project.load(root: root)
        return try PipelineRunner(project: project, options: RunOptions(command: command, selectors: select, fullRefresh: fullRefresh,
                                                                        threads: 2, clock: { now })).run()
    }

    var lake: String { root + "/lake" }

    func query(_ sql: String) throws -> [[Value]] { try Session(lakeRoot: lake).execute(sql).rows }

    func strings(_ sql: String) throws -> [String] {
        try query(sql).map { row in row.map { "\($0)" }.joined(separator: "|") }
    }

    func version(_ table: String) throws -> Int64 {
        try DeltaSource(path: lake + "/" + table.replacingOccurrences(of: ".", with: "/"), version: nil).version
    }
}

extension RunSummary {
    func outcome(_ model: String) -> ModelOutcome? { models.first { $0.model == model } }
    func status(_ model: String) -> ModelStatus? { outcome(model)?.status }
}
