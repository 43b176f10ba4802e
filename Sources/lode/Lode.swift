import ArgumentParser

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
        subcommands: [DemoCommand.self, ConvertCommand.self, InspectCommand.self]
    )
}
