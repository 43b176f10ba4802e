import Foundation
import LodePipeline

/// Runs a project from the command line: live progress while it works, the summary at the end.
enum PipelineRun {
    static func execute(projectRoot: String, command: RunCommand, selectors: [String] = [], fullRefresh: Bool = false,
                        threads: Int? = nil, parallelModels: Int = 2) throws -> RunSummary {
        let project = try Project.load(root: projectRoot)
        let options = RunOptions(command: command, selectors: selectors, fullRefresh: fullRefresh, threads: threads,
                                 parallelModels: parallelModels)
        let reporter = StandardOutput.reporter()
        let summary: RunSummary
        do {
            summary = try PipelineRunner(project: project, options: options, reporter: reporter).run()
        } catch {
            reporter.finish()
            throw error
        }
        reporter.finish()
        print("")
        print(RunSummaryTable(summary: summary).render(color: StandardOutput.usesColor))
        return summary
    }
}
