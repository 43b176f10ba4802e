import ArgumentParser
import Foundation

@main
struct Lode: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "lode",
        abstract: "A lakehouse data platform in one binary.",
        discussion: """
        Start with `lode demo`: it writes a small e-commerce company's raw data and loads it.
        """,
        version: version,
        subcommands: [InitCommand.self, DemoCommand.self, RunModelsCommand.self, BuildCommand.self, TestCommand.self, RunsCommand.self,
                      ChecksCommand.self, LineageCommand.self, ConvertCommand.self, InspectCommand.self, TableCommand.self,
                      SqlCommand.self]
    )

    /// Runs the command line. Errors print as `Error: …` on standard error; the exit
    /// status is 1 for a failed command and 2 for a command line that does not parse
    /// (as getopt-style tools do), 0 for help and version output.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
