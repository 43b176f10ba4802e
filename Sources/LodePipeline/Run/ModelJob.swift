import Foundation
import LodeCore
import LodeDelta
import LodeEngine
import LodePlan

/// Builds one model in a run: decides whether anything is new, computes the rows,
/// applies the expectations, stages the new version, audits it with the model's tests
/// (`build`), and publishes it in one commit — or leaves the previous version in place.
struct ModelJob {
    let model: ModelDefinition
    let context: ModelRunContext

    var name: String { model.tableName }

    func run() -> ModelOutcome {
        let started = Date()
        context.reporter.report(.modelStarted(model: name))
        var outcome: ModelOutcome
        do {
            outcome = try context.options.command == .test ? test() : build()
        } catch {
            outcome = ModelOutcome(model: name, kind: model.kind.name, status: .failed, message: describe(error))
        }
        outcome.seconds = Date().timeIntervalSince(started)
        return outcome
    }

    // MARK: - build

    private func build() throws -> ModelOutcome {
        let upstream = UpstreamTables(context: context)
        let inputs = try upstream.versions(of: model)
        let previous = try context.store.state(of: name)
        let fingerprint = model.fingerprint
        let exists = try published()
        let rebuild = context.options.fullRefresh || previous == nil || !exists || previous?.fingerprint != fingerprint
        if !rebuild, previous?.inputs == inputs {
            return ModelOutcome(model: name, kind: model.kind.name, status: .unchanged, rowsTotal: try publishedRowCount(),
                                message: "nothing new upstream")
        }
        let session = try context.makeSession()
        if model.kind == .view { return try buildView(session, inputs: inputs, fingerprint: fingerprint) }

        let incremental = !rebuild && model.kind.isIncremental
        if incremental, let previous {
            for table in model.incrementalInputs {
                session.catalog.register(table, try upstream.newRows(of: table, since: previous.inputs[table], now: inputs[table]))
            }
        }
        var sql = model.sql
        var replacedRange: String?
        if incremental, case .incrementalByTimeRange(let column, let lookback) = model.kind,
           let start = try rangeStart(session, column: column, lookback: lookback) {
            replacedRange = "\(quoteIdentifier(column)) >= \(start)"
            sql = "SELECT * FROM (\(sql)) AS \(quoteIdentifier("__lode_model")) WHERE \(replacedRange!)"
        }
        let computed = try ExpectedRows.compute(sql: sql, expectations: model.expectations, session: session)
        context.reporter.report(.modelProgress(model: name, rows: computed.rowCount))
        if let failure = computed.failure {
            return finished(.failed, computed: computed, checks: computed.results, message: failure)
        }
        let write = try Materialization(model: model, session: session, runTime: context.options.clock())
            .rows(computed.batches, schema: computed.schema, incremental: incremental, replacedRange: replacedRange)
        let staged = try session.stageWrite(into: name, schema: write.schema, rows: write.rows, replacing: write.replacing,
                                            partitionedBy: model.partitionedBy)
        var checks = computed.results
        if context.options.command == .build {
            session.catalog.register(name, staged.candidate)
            checks += audit(session)
            session.catalog.unregister(name)
            if let gate = checks.first(where: { $0.isBlocking }) {
                staged.discard()
                return finished(.failed, computed: computed, checks: checks,
                                message: "check \(gate.check.name) failed (\(gate.message)); the previous version stays published")
            }
        }
        do {
            try Quarantine(table: name, path: context.tablePath(name + "__quarantine"), runID: context.runID,
                           time: context.options.clock()).append(computed.quarantined, schema: computed.schema)
        } catch {
            staged.discard()
            throw error
        }
        let version = try staged.publish()
        context.recordLineage(of: model)
        try context.store.recordState(ModelState(fingerprint: fingerprint, inputs: inputs, runID: context.runID), of: name)
        var outcome = finished(checks.contains { $0.status == .warn } ? .warned : .success, computed: computed, checks: checks)
        outcome.rowsWritten = write.rowsWritten
        outcome.rowsTotal = staged.candidate.estimatedRowCount
        outcome.tableVersion = version ?? staged.candidate.version - 1
        return outcome
    }

    /// A view publishes its query: checked like a table's new version, then written to
    /// the lake's view file that queries and later models read.
    private func buildView(_ session: Session, inputs: [String: Int64], fingerprint: String) throws -> ModelOutcome {
        guard model.expectations.isEmpty else {
            throw PipelineError(.model, "a VIEW model cannot have EXPECT rules: it stores no rows to check", file: model.file)
        }
        _ = try session.execute("SELECT * FROM (\(model.sql)) AS \(quoteIdentifier("__lode_view")) LIMIT 0")
        var checks: [CheckResult] = []
        if context.options.command == .build {
            session.catalog.registerView(name, model.query)
            checks = audit(session)
            session.catalog.unregister(name)
            if let gate = checks.first(where: { $0.isBlocking }) {
                return ModelOutcome(model: name, kind: model.kind.name, status: .failed, checks: checks,
                                    qualityScore: qualityScore(checks),
                                    message: "check \(gate.check.name) failed (\(gate.message)); the previous view stays published")
            }
        }
        let file = viewFile
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data((model.sql + "\n").utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        context.recordLineage(of: model)
        try context.store.recordState(ModelState(fingerprint: fingerprint, inputs: inputs, runID: context.runID), of: name)
        return ModelOutcome(model: name, kind: model.kind.name, status: checks.contains { $0.status == .warn } ? .warned : .success,
                            checks: checks, qualityScore: qualityScore(checks))
    }

    // MARK: - test

    private func test() throws -> ModelOutcome {
        guard try published() else {
            throw PipelineError(.run, "\(name) has not been built yet: run `lode build` first", file: model.file)
        }
        let checks = audit(try context.makeSession())
        let status: ModelStatus = checks.contains { $0.isBlocking } ? .failed : checks.contains { $0.status == .warn } ? .warned : .tested
        return ModelOutcome(model: name, kind: model.kind.name, status: status, rowsTotal: try publishedRowCount(), checks: checks,
                            qualityScore: qualityScore(checks))
    }

    // MARK: - helpers

    /// Runs the model's tests on whatever `name` resolves to in `session`.
    private func audit(_ session: Session) -> [CheckResult] {
        guard let spec = model.spec else { return [] }
        let history = ((try? context.store.history(of: name)) ?? []).compactMap(\.rowsTotal)
        return spec.checks.map { check in
            check.evaluate(table: name, query: { sql in try session.execute(sql).rows.first ?? [] }, history: history,
                           now: context.options.clock())
        }
    }

    private func finished(_ status: ModelStatus, computed: ExpectedRows, checks: [CheckResult], message: String? = nil) -> ModelOutcome {
        ModelOutcome(model: name, kind: model.kind.name, status: status, rowsWritten: 0, rowsDropped: computed.dropped,
                     rowsQuarantined: computed.quarantined.reduce(0) { $0 + $1.rows.count }, checks: checks,
                     qualityScore: qualityScore(checks), message: message)
    }

    /// Where the lake keeps the model's query when it is a view.
    private var viewFile: String { LakeCatalog.viewFile(lakeRoot: context.lakeRoot, layer: model.layer, name: model.name) }

    /// Whether the model's table or view exists in the lake.
    private func published() throws -> Bool {
        if model.kind == .view { return FileManager.default.fileExists(atPath: viewFile) }
        return try DeltaTable(path: context.tablePath(name)).exists()
    }

    private func publishedRowCount() throws -> Int? {
        guard model.kind != .view, try DeltaTable(path: context.tablePath(name)).exists() else { return nil }
        return try DeltaSource(path: context.tablePath(name), version: nil).estimatedRowCount
    }

    /// The first day an incremental time-range run recomputes: the newest day in the
    /// table minus `lookback` days, as a DATE literal; `nil` for an empty table.
    private func rangeStart(_ session: Session, column: String, lookback: Int) throws -> String? {
        let newest = try session.execute("SELECT CAST(max(\(quoteIdentifier(column))) AS DATE) FROM \(name)").rows.first?.first
        guard case .date(let days)? = newest else { return nil }
        return "DATE '\(Temporal.formatDate(Int32(clamping: Int(days) - lookback)))'"
    }

    /// The error as `file:line:column: message`, the position being the model file's.
    private func describe(_ error: Error) -> String {
        if let error = error as? PipelineError { return error.description }
        if let error = error as? PlanError, let location = error.location {
            return PipelineError(.model, "\(error.kind.rawValue): \(error.message)", file: model.file, line: location.line,
                                 column: location.column).description
        }
        return "\(model.file): \(error)"
    }
}

/// 0–100: each check counts 1 when it passes, ½ when it warns, 0 otherwise; `nil` without checks.
func qualityScore(_ checks: [CheckResult]) -> Double? {
    guard !checks.isEmpty else { return nil }
    let points = checks.reduce(0.0) { $0 + ($1.status == .pass ? 1 : $1.status == .warn ? 0.5 : 0) }
    return (points / Double(checks.count) * 1000).rounded() / 10
}

extension CheckResult {
    /// Whether the result stops the model from publishing.
    var isBlocking: Bool { status == .fail || (status == .error && check.severity == .error) }
}

extension MaterializationKind {
    /// Whether a run can add to the published table instead of rebuilding it.
    var isIncremental: Bool {
        switch self {
        case .full, .view: return false
        case .append, .incrementalByUniqueKey, .incrementalByTimeRange, .scdType2: return true
        }
    }
}

extension ModelDefinition {
    /// A digest of everything that shapes the model's table: a change rebuilds it whole.
    var fingerprint: String {
        let text = [sql, "\(kind)", partitionedBy.joined(separator: ","),
                    expectations.map { "\($0.name)|\($0.condition)|\($0.action.rawValue)" }.joined(separator: ";")]
            .joined(separator: "\u{1}")
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return String(hash, radix: 16)
    }
}
