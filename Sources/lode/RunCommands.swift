import ArgumentParser
import Foundation
import LodePipeline

/// What `lode run`, `lode build` and `lode test` share: the project and the selection.
struct ProjectRunOptions: ParsableArguments {
    @Option(help: "The project folder, holding lode.yml (default: the current folder).") var project = "."
    @Option(name: [.customShort("s"), .long], parsing: .upToNextOption,
            help: "Models to run: name, layer.name, +x (with upstream), x+ (with downstream), layer:L, tag:T.")
    var select: [String] = []
    @Option(help: "Threads each query uses (default: lode.yml's threads, else every core).") var threads: Int?
    @Option(name: .customLong("parallel-models"), help: "Models run side by side when the graph allows.") var parallelModels = 2

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if parallelModels < 1 { throw ValidationError("--parallel-models must be at least 1") }
    }

    /// Loads the project and runs `command`; exits 1 when a model failed.
    func run(_ command: RunCommand, fullRefresh: Bool = false) throws {
        let summary = try PipelineRun.execute(projectRoot: project, command: command, selectors: select,
                                              fullRefresh: fullRefresh, threads: threads, parallelModels: parallelModels)
        if summary.status == "failed" { throw ExitCode(1) }
    }
}

struct RunModelsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Ingest new source files and build the selected models (expectations apply, tests do not).",
        discussion: "Models with nothing new upstream are left as they are. See docs/pipelines.md."
    )
    @OptionGroup var options: ProjectRunOptions
    @Flag(name: .customLong("full-refresh"), help: "Rebuild incremental models from their whole inputs.") var fullRefresh = false

    func run() throws { try options.run(.run, fullRefresh: fullRefresh) }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Ingest, then build, test and publish the selected models in dependency order.",
        discussion: """
        Each model's new version is checked by its tests before it is published (write-audit-publish); an \
        error-level failure keeps the previous version and skips everything downstream. See docs/pipelines.md.
        """
    )
    @OptionGroup var options: ProjectRunOptions
    @Flag(name: .customLong("full-refresh"), help: "Rebuild incremental models from their whole inputs.") var fullRefresh = false

    func run() throws { try options.run(.build, fullRefresh: fullRefresh) }
}

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the selected models' tests against their published tables."
    )
    @OptionGroup var options: ProjectRunOptions

    func run() throws { try options.run(.test) }
}
