import Foundation

/// The demo company's project: `lode.yml` and the silver and gold models with their
/// `.yml` specs, written next to the sources `DemoGenerator` produces.
///
/// Silver cleans, types, deduplicates and standardizes each raw feed; gold holds the
/// customer, product and date dimensions, the line-item order fact in US dollars, and the
/// segment, product, attribution and daily revenue marts. The SQL is plain DuckDB-dialect
/// SQL apart from the `MODEL` block and `EXPECT` rules.
public enum DemoProject {
    /// Every project file by its path relative to the project folder.
    public static let files: [String: String] = {
        var files = ["lode.yml": config]
        for (layer, sql, specs) in [("silver", silverSQL, silverSpecs), ("gold", goldSQL, goldSpecs)] {
            for (name, text) in sql { files["models/\(layer)/\(name).sql"] = text + "\n" }
            for (name, text) in specs { files["models/\(layer)/\(name).yml"] = text + "\n" }
        }
        return files
    }()

    /// Writes the project files into `directory`, creating folders as needed and
    /// replacing files of the same name.
    public static func write(to directory: String) throws {
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        }
    }

    static let config = """
        # The demo company: a small online shop selling in five currencies.
        # `lode run` loads new and changed source files into bronze, then builds the models
        # under models/silver and models/gold; `lode test` runs the checks in their .yml files.
        name: lode_demo
        lake: lake

        # Each source loads the files its glob matches into bronze.<source>. Text formats keep
        # every column as received (VARCHAR) unless a contract types it; a contract also names
        # the columns a file must have, and rows or files that break it go to
        # bronze.<source>__quarantine with the reason.
        sources:
          crm_companies:
            format: csv
            path: sources/crm/companies.csv
            contract:
              columns:
                company_id: {type: VARCHAR, nullable: false}
                company_name: VARCHAR
          crm_contacts:
            format: csv
            path: sources/crm/contacts.csv
            contract:
              columns:
                contact_id: {type: VARCHAR, nullable: false}
                email: VARCHAR
                phone: VARCHAR
                segment: VARCHAR
                updated_at: VARCHAR
          products:
            format: json
            path: sources/catalog/products.json
          orders:
            format: csv
            path: sources/orders/orders_*.csv
            contract:
              columns:
                order_id: {type: VARCHAR, nullable: false}
                customer_id: VARCHAR
                order_ts: VARCHAR
                currency: VARCHAR
          order_items:
            format: csv
            path: sources/orders/order_items_*.csv
            contract:
              columns:
                order_item_id: {type: VARCHAR, nullable: false}
                order_id: {type: VARCHAR, nullable: false}
                product_id: {type: VARCHAR, nullable: false}
                quantity: INTEGER
                unit_price: DECIMAL(12,2)
                discount_pct: INTEGER
              extra_columns: fail
          web_events:
            format: ndjson
            path: sources/events/web_events_*.ndjson
            contract:
              columns:
                event_id: {type: VARCHAR, nullable: false}
                event_ts: VARCHAR
          fx_rates:
            format: json
            path: sources/fx/fx_rates_*.json
            contract:
              columns:
                date: VARCHAR
                currency: VARCHAR
                rate: DOUBLE
          campaigns:
            format: csv
            path: sources/marketing/campaigns.csv
          ad_spend:
            format: csv
            path: sources/marketing/ad_spend_*.csv
            contract:
              columns:
                date: DATE
                campaign_id: {type: VARCHAR, nullable: false}
                spend: DECIMAL(12,2)
                impressions: BIGINT
                clicks: BIGINT

        """
}
