import LodePlan

/// The end of a "no such name" message: `; did you mean 'x'?` when `name` looks like a typo
/// of one of `candidates`, otherwise `; <label>: a, b, c` when a label is given, else nothing.
func nameHint(_ name: String, _ candidates: [String], quoted: Bool = true, listing label: String? = nil) -> String {
    if let match = closestName(to: name, in: candidates) { return quoted ? "; did you mean '\(match)'?" : "; did you mean \(match)?" }
    return label.map { "; \($0): \(candidates.joined(separator: ", "))" } ?? ""
}
