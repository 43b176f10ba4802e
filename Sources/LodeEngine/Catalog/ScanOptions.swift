/// Defaults a ``LakeCatalog`` gives the sources it opens.
public struct ScanOptions: Sendable {
    /// How `read_csv` and `read_json` read files before the call's own arguments
    /// (`header => false`, `delim => ';'`, …) apply.
    public var textFiles = TableFileReadOptions()

    public init() {}
}
