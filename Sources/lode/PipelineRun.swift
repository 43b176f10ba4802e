import Foundation
import LodePipeline

/// Runs a project from the command line: live progress while it works, the summary at the end.
enum PipelineRun {
    static func execute(projectRoot: String, command: RunCommand, selectors: [String] = [], fullRefresh: Bool = false,
                        threads: Int? = nil, parallelModels: Int = 2) throws -> RunSummary {
        let project = try Project.load(root: projectRoot)
        let options = RunOptions(command: command, selectors: selectors, fullRefresh: fullRefresh, threads: threads,
                                 parallelModels: parallelModels)
        let summary = try PipelineRunner(project: project, options: options, reporter: SilentReporter()).run()
        for model in summary.models {
            print("\(model.model)  \(model.status.rawValue)  \(model.rowsWritten) rows  \(model.message ?? "")")
        }
        let checks = summary.checkCounts
        print("\(summary.models.count) models, checks \(checks.passed) passed, \(checks.warned) warned, \(checks.failed) failed, "
              + String(format: "%.1f s", summary.seconds) + ", run \(summary.runID)")
        return summary
    }
}
