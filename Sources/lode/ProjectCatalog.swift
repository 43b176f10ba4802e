import ArgumentParser
import Foundation
import LodePipeline

/// A project's config and the run history its lake holds, for the commands that show what
/// runs did.
struct ProjectCatalog {
    var config: ProjectConfig
    /// `nil` when nothing has run yet (the lake has no catalog).
    var store: MetadataStore?

    /// Reads `<project>/lode.yml` and opens its lake's catalog without creating one.
    static func open(project: String?) throws -> ProjectCatalog {
        let root = project ?? FileManager.default.currentDirectoryPath
        let config = try ProjectConfig.load(projectRoot: root)
        let catalog = ((config.lakeRoot as NSString).appendingPathComponent("_lode") as NSString)
            .appendingPathComponent("catalog.sqlite")
        let store = FileManager.default.fileExists(atPath: catalog) ? try MetadataStore(lakeRoot: config.lakeRoot) : nil
        return ProjectCatalog(config: config, store: store)
    }

    /// The run named by `id` (or a unique prefix of it); a clear error when there is none.
    func run(_ id: String) throws -> RunRecord {
        guard let store, let run = try store.run(id: id) else {
            throw PipelineError(.run, "no run '\(id)' in the lake \(config.lakeRoot) (`lode runs` lists the runs)")
        }
        return run
    }
}

/// How the history commands print: an aligned table or one JSON object per line.
enum HistoryFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Shared text forms of the values the history commands print.
enum HistoryText {
    /// Seconds since the epoch as local `2026-11-25 21:30:00`.
    static func time(_ seconds: Double) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }

    /// Seconds since the epoch as ISO 8601 UTC, for JSON.
    static func isoTime(_ seconds: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: seconds))
    }
}
