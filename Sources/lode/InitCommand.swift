import ArgumentParser
import Foundation
import LodePipeline

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a starter project.",
        discussion: """
        Writes lode.yml (one CSV source, every key explained), a sample source file, a silver \
        model with expectations and tests, a gold model, and a .gitignore for the lake. Never \
        overwrites: an existing lode.yml is an error.
        """
    )

    @Argument(help: "The project folder (default: the current folder; created when missing).") var directory: String?
    @Option(help: "The project's name (default: the folder's name).") var name: String?

    func validate() throws {
        if let name, name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--name must not be empty") }
    }

    func run() throws {
        let folder = directory ?? "."
        let absolute = URL(fileURLWithPath: folder).standardizedFileURL.path
        let projectName = name ?? Self.defaultName(for: absolute)
        let files = try StarterProject.write(to: folder, name: projectName)
        print("Created project '\(projectName)' in \(folder):")
        for file in files { print("  " + file) }
        let enter = directory.map { "  cd \($0)\n" } ?? ""
        print("""

        Try next:
        \(enter)  lode build        # ingest sources/, build the models, run their tests
          lode runs         # what each run did
          lode checks       # test and expectation results
          lode lineage gold.daily_revenue --column revenue
        """)
    }

    /// The folder's name as a project name (`my-shop` → `my_shop`), `project` when none fits.
    static func defaultName(for path: String) -> String {
        let base = (path as NSString).lastPathComponent
        let cleaned = String(base.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII ? Character(scalar) : "_"
        }).lowercased()
        return cleaned.isEmpty || cleaned == "_" ? "project" : cleaned
    }
}
