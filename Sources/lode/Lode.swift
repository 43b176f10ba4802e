import ArgumentParser
import LodeCore

@main
struct Lode: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "lode",
        abstract: "A lakehouse data platform in one binary.",
        version: version,
        subcommands: []
    )
}
