import Foundation

/// The project `lode init` writes: a `lode.yml` explaining every key, a sample CSV source,
/// a silver model with expectations and tests, and a gold model aggregating it.
///
/// ```swift
/// let files = try StarterProject.write(to: "shop", name: "shop")
/// // ["lode.yml", ".gitignore", "sources/orders/orders_2026-01-01.csv", "models/silver/orders.sql", ...]
/// ```
public enum StarterProject {
    /// Writes the starter project into `directory` (created when missing) and returns the
    /// files written, relative to it. Refuses to overwrite anything: an existing `lode.yml`
    /// or any other starter file is an error and nothing is written.
    public static func write(to directory: String, name: String) throws -> [String] {
        let manager = FileManager.default
        let projectFile = (directory as NSString).appendingPathComponent("lode.yml")
        guard !manager.fileExists(atPath: projectFile) else {
            throw PipelineError(.config, "a project already exists here; lode init never overwrites lode.yml", file: projectFile)
        }
        let files = self.files(name: name)
        for (path, _) in files {
            let target = (directory as NSString).appendingPathComponent(path)
            guard !manager.fileExists(atPath: target) else {
                throw PipelineError(.config, "\(path) already exists; lode init never overwrites files", file: target)
            }
        }
        for (path, text) in files {
            let target = (directory as NSString).appendingPathComponent(path)
            do {
                try manager.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: target))
            } catch {
                throw PipelineError(.config, "cannot write the starter project: \(error.localizedDescription)", file: target)
            }
        }
        return files.map(\.path)
    }

    /// The starter files, relative path and text, `lode.yml` first.
    public static func files(name: String) -> [(path: String, text: String)] {
        [
            ("lode.yml", projectFile(name: name)),
            (".gitignore", gitignore),
            ("sources/orders/orders_2026-01-01.csv", sampleOrders),
            ("models/silver/orders.sql", silverOrders),
            ("models/silver/orders.yml", silverOrdersSpec),
            ("models/gold/daily_revenue.sql", goldDailyRevenue),
            ("models/gold/daily_revenue.yml", goldDailyRevenueSpec),
        ]
    }

    /// `name` as a YAML scalar: plain when it is a simple word, quoted otherwise.
    static func yamlScalar(_ name: String) -> String {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        } && !["true", "false", "yes", "no", "null", "on", "off"].contains(name.lowercased())
            && !name.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "-" })
        guard !plain else { return name }
        var quoted = "\""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 { quoted += String(format: "\\x%02X", scalar.value) } else { quoted.unicodeScalars.append(scalar) }
            }
        }
        return quoted + "\""
    }

    static func projectFile(name: String) -> String {
        """
        # The project file: what the project is called, where its lake lives, and the raw files
        # it ingests. Models live in models/<layer>/<name>.sql (see models/silver/orders.sql).
        # Secrets never go here: write ${env:NAME} or ${file:path} where a value is secret.

        # The project's name, shown in run summaries.
        name: \(yamlScalar(name))

        # The lake folder, relative to this file (or absolute): every table is a Delta Lake
        # table in <lake>/<layer>/<table>, and Lode keeps its run history in <lake>/_lode/.
        lake: lake

        # Threads queries may use (default: every core).
        # threads: 4

        # Memory a query may hold, like 512MB or 2GB (default: 80% of RAM).
        # memory_limit: 2GB

        # Raw files to ingest, by source name. Each source loads into the bronze table
        # bronze.<source name>, keeping every row as received plus _source, _ingested_at,
        # _run_id and _file. A file already loaded is skipped; a changed file is loaded again.
        sources:
          orders:
            # csv, ndjson, json or parquet.
            format: csv
            # A glob relative to this folder: new files matching it are loaded on each run.
            path: sources/orders/*.csv
            # The bronze table to load into (default: bronze.<source name>).
            # table: bronze.orders
            # CSV only: the field delimiter, whether the first line names the columns, and
            # the text that means NULL.
            delimiter: ","
            header: true
            # null: "NA"
            # The columns the files promise (optional). Types are SQL types; a row breaking
            # the contract goes to the quarantine table with the reason.
            contract:
              columns:
                order_id:
                  type: BIGINT
                  nullable: false
                customer: VARCHAR
                status: VARCHAR
                amount: DECIMAL(10,2)
                ordered_at: TIMESTAMP
              # What to do with columns the contract does not list: allow (keep them),
              # drop (leave them out) or fail (reject the file).
              extra_columns: allow

        """
    }

    static let gitignore = """
        # The lake holds data and run history, not source code.
        lake/

        """

    static let sampleOrders = """
        order_id,customer,status,amount,ordered_at
        1001,Ada Lovelace,placed,19.99,2026-01-01 08:12:00
        1002,Grace Hopper,shipped,250.00,2026-01-01 09:30:00
        1003,Alan Turing,Shipped,42.50,2026-01-01 10:05:00
        1004,,placed,7.25,2026-01-01 11:47:00
        1005,Katherine Johnson,delivered,120.00,2026-01-01 12:20:00
        1006,Edsger Dijkstra,cancelled,-15.00,2026-01-01 13:02:00
        1007,Barbara Liskov, delivered ,88.10,2026-01-01 15:45:00
        1008,Ada Lovelace,placed,5.00,2026-01-01 17:30:00

        """

    static let silverOrders = """
        -- Orders, typed and cleaned: one row per order.
        --
        -- The optional MODEL block says how the table is stored. kind is one of FULL (rebuilt on
        -- each run), VIEW, APPEND, INCREMENTAL_BY_UNIQUE_KEY (unique_key k), INCREMENTAL_BY_TIME_RANGE
        -- (time_column c, lookback N), SCD_TYPE_2_BY_TIME (unique_key k, updated_at u) or
        -- SCD_TYPE_2_BY_COLUMN (unique_key k, columns (a, b)).
        MODEL (
          kind INCREMENTAL_BY_UNIQUE_KEY (unique_key (order_id)),
          tags (sales),
          description 'Orders from the shop system, one row per order'
        );

        -- Expectations check every row: WARN keeps the row and counts it, DROP ROW leaves it
        -- out, QUARANTINE leaves it out and keeps it in silver.orders__quarantine with the rule
        -- that failed, FAIL stops the model so nothing is published.
        EXPECT non_negative_amount (amount >= 0) ON VIOLATION QUARANTINE;
        EXPECT has_customer (customer IS NOT NULL) ON VIOLATION WARN;

        -- Plain SQL; tables are named layer.table, and dependencies come from the query.
        SELECT
          order_id,
          nullif(trim(customer), '') AS customer,
          lower(trim(status)) AS status,
          amount,
          ordered_at,
          CAST(ordered_at AS DATE) AS order_date
        FROM bronze.orders

        """

    static let silverOrdersSpec = """
        # Documentation and tests for silver.orders (dbt style). A test is a name or
        # `name: {options}`; severity error (the default) keeps the previous version of the
        # table published and skips what reads it, severity warn only reports.
        description: One row per order, with trimmed names and lower-case statuses.
        columns:
          order_id:
            description: The order's id in the shop system.
            tests: [not_null, unique]
          customer:
            description: Who placed the order.
            tags: [pii]
            tests:
              - not_null: {severity: warn}
          status:
            tests:
              - accepted_values: {values: [placed, shipped, delivered, cancelled]}
        tests:
          - row_count: {min: 1}

        """

    static let goldDailyRevenue = """
        -- Revenue per day from the orders that were not cancelled.
        MODEL (
          kind FULL,
          grain (order_date)
        );

        EXPECT positive_revenue (revenue > 0) ON VIOLATION FAIL;

        SELECT
          order_date,
          count(*) AS orders,
          sum(amount) AS revenue
        FROM silver.orders
        WHERE status <> 'cancelled'
        GROUP BY order_date

        """

    static let goldDailyRevenueSpec = """
        description: Orders and revenue per day.
        columns:
          order_date:
            tests: [not_null, unique]
        tests:
          - row_count: {min: 1}
          # A custom test: a query returning the failing rows; {{ this }} names this table.
          - sql:
              name: orders_are_counted
              query: SELECT * FROM {{ this }} WHERE orders < 1
              severity: warn

        """
}
