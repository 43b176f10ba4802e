import LodeCore

/// Writes the demo company's raw source files: a CRM export, a product catalog,
/// daily orders and order items in several currencies, web events, FX rates and
/// marketing campaigns with their daily spend.
///
/// The data is deterministic for a seed and deliberately dirty — duplicate contacts,
/// inconsistent casing, blank and malformed emails and phone numbers, duplicated and
/// late web events — so that cleaning and quality checks have something to do.
/// Scale 1 is about 1,000 customers, 5,000 orders, 10,000 order items and 50,000
/// web events; every count grows linearly with the scale. `generateDay(_:into:)` adds
/// one more day of the daily feeds, as the sources would the next morning.
public struct DemoGenerator: Sendable {
    public var scale: Double
    public var seed: UInt64
    /// The first day of orders, in days since 1970-01-01 (default 2026-01-01).
    public var firstDay: Int
    public var dayCount: Int

    public init(scale: Double = 1, seed: UInt64 = 42, firstDay: Int = 20_454, dayCount: Int = 30) {
        self.scale = scale
        self.seed = seed
        self.firstDay = firstDay
        self.dayCount = dayCount
    }

    var customerCount: Int { max(10, Int(1_000 * scale)) }
    var companyCount: Int { max(3, Int(100 * scale)) }
    var productCount: Int { max(20, Int(200 * scale.squareRoot())) }
    var orderCount: Int { max(20, Int(5_000 * scale)) }
    var eventCount: Int { max(100, Int(50_000 * scale)) }

    /// Writes every source under `directory` and returns what was written.
    @discardableResult
    public func generate(into directory: String) throws -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        let campaigns = makeCampaigns()
        let products = makeProducts()
        files += try writeCompanies(to: directory)
        files += try writeContacts(to: directory)
        files += try writeProducts(products, to: directory)
        files += try writeCampaigns(campaigns, to: directory)
        let rates = makeRates()
        files += try writeRates(rates, to: directory)
        let orders = try writeOrders(products: products, rates: rates, to: directory)
        files += orders.files
        files += try writeEvents(orders: orders.summaries, campaigns: campaigns, to: directory)
        files += try writeSpend(campaigns, to: directory)
        return files
    }

    /// A generator for one named stream, so adding a stream never shifts another's data.
    func random(_ stream: String) -> SeededGenerator { SeededGenerator(seed: seed ^ stableHash(stream)) }

    /// FNV-1a of `text`: unlike `hashValue`, the same in every process.
    func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    func day(_ index: Int) -> Int { firstDay + index }
}

/// One source file the generator wrote.
public struct GeneratedFile: Sendable {
    public var path: String
    public var rows: Int
}
