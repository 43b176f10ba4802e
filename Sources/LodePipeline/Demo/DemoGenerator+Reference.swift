/// A product in the demo catalog; prices are in US dollars.
struct DemoProduct {
    var id: String
    var price: Double
}

/// A marketing campaign and the UTM fields its links carry.
struct DemoCampaign {
    var id: String
    var source: String
    var medium: String
    var utmCampaign: String
    var dailyBudget: Double
}

extension DemoGenerator {
    func makeProducts() -> [DemoProduct] {
        var rng = random("products")
        return (1...productCount).map { i in
            DemoProduct(id: "P" + String(i).leftPadded(to: 5), price: Double(rng.int(299...49_999)) / 100)
        }
    }

    /// The catalog as one JSON document: an array of product objects.
    func writeProducts(_ products: [DemoProduct], to directory: String) throws -> [GeneratedFile] {
        var rng = random("catalog")
        let out = try TextFileWriter(path: directory + "/catalog/products.json")
        try out.write(line: "[")
        for (n, product) in products.enumerated() {
            let (category, subcategories) = rng.pick(DemoVocabulary.categories)
            let brand = rng.pick(DemoVocabulary.brands)
            let tags = (0..<rng.int(0...3)).map { _ in Text.json(rng.pick(["new", "sale", "eco", "bestseller", "gift"])) }
            let object = Text.jsonObject([
                ("product_id", Text.json(product.id)),
                ("sku", Text.json(brand.prefix(3).uppercased() + "-" + String(rng.int(10_000...99_999)))),
                ("name", Text.json(brand + " " + rng.pick(subcategories) + " " + rng.pick(["Pro", "Lite", "Max", "One", "Go"]))),
                ("category", Text.json(rng.chance(0.05) ? category.uppercased() : category)),
                ("subcategory", Text.json(rng.pick(subcategories))),
                ("brand", Text.json(brand)),
                ("list_price_usd", Text.money(product.price)),
                ("active", rng.chance(0.92) ? "true" : "false"),
                ("attributes", Text.jsonObject([("color", Text.json(rng.pick(DemoVocabulary.colors))),
                                                ("size", rng.chance(0.5) ? Text.json(rng.pick(DemoVocabulary.sizes)) : "null")])),
                ("tags", "[" + tags.joined(separator: ",") + "]"),
                ("launched_on", Text.json(Text.date(firstDay - rng.int(30...1_500)))),
            ])
            try out.write(line: "  " + object + (n == products.count - 1 ? "" : ","))
        }
        try out.write(line: "]")
        try out.close()
        return [GeneratedFile(path: out.path, rows: products.count)]
    }

    func makeCampaigns() -> [DemoCampaign] {
        var rng = random("campaigns")
        return (1...12).map { i in
            let c = rng.pick(DemoVocabulary.campaignChannels)
            let theme = rng.pick(["winter_sale", "new_arrivals", "loyalty", "clearance", "brand", "retarget"])
            return DemoCampaign(id: "CMP" + String(i).leftPadded(to: 3), source: c.source, medium: c.medium,
                                utmCampaign: theme + "_" + String(i), dailyBudget: Double(rng.int(50...2_000)) * max(1, scale.squareRoot()))
        }
    }

    func writeCampaigns(_ campaigns: [DemoCampaign], to directory: String) throws -> [GeneratedFile] {
        var rng = random("campaign-rows")
        let out = try TextFileWriter(path: directory + "/marketing/campaigns.csv")
        try out.write(line: "campaign_id,campaign_name,channel,utm_source,utm_medium,utm_campaign,start_date,end_date,daily_budget_usd")
        for c in campaigns {
            let channel = DemoVocabulary.campaignChannels.first { $0.source == c.source }?.channel ?? "other"
            let start = firstDay - rng.int(0...10)
            let name = c.utmCampaign.split(separator: "_").map { $0.capitalized }.joined(separator: " ")
            try out.write(line: Text.csvRow([c.id, name, channel, c.source, c.medium, c.utmCampaign,
                                             Text.date(start), Text.date(start + rng.int(20...120)), Text.money(c.dailyBudget)]))
        }
        try out.close()
        return [GeneratedFile(path: out.path, rows: campaigns.count)]
    }

    /// Daily spend per campaign, one CSV per day; spend is in USD or EUR.
    func writeSpend(_ campaigns: [DemoCampaign], to directory: String) throws -> [GeneratedFile] {
        var rng = random("spend")
        return try (0..<dayCount).map { d in try writeSpendDay(d, campaigns: campaigns, rng: &rng, to: directory) }
    }

    /// The spend file of day `d` (an index from the first day).
    func writeSpendDay(_ d: Int, campaigns: [DemoCampaign], rng: inout SeededGenerator, to directory: String) throws -> GeneratedFile {
        let out = try TextFileWriter(path: directory + "/marketing/ad_spend_\(Text.date(day(d))).csv")
        try out.write(line: "date,campaign_id,spend,currency,impressions,clicks")
        for c in campaigns {
            let spend = c.dailyBudget * Double(rng.int(40...110)) / 100
            let impressions = Int(spend * Double(rng.int(200...900)))
            let currency = c.source == "facebook" || c.source == "instagram" ? "EUR" : "USD"
            try out.write(line: Text.csvRow([Text.date(day(d)), c.id, Text.money(currency == "EUR" ? spend * 0.92 : spend),
                                             currency, String(impressions), String(impressions * rng.int(5...40) / 1000)]))
        }
        try out.close()
        return GeneratedFile(path: out.path, rows: campaigns.count)
    }

    /// Units of each currency per US dollar for the first `days` days (default: every
    /// generated day): a small random walk, so a longer walk starts with the same rates.
    func makeRates(days: Int? = nil) -> [[String: Double]] {
        var rng = random("fx")
        var current = Dictionary(uniqueKeysWithValues: DemoVocabulary.currencies.map { ($0.0, $0.1) })
        return (0..<(days ?? dayCount)).map { _ in
            for (code, _) in DemoVocabulary.currencies where code != "USD" {
                current[code, default: 1] *= 1 + Double(rng.int(-50...50)) / 10_000
            }
            return current
        }
    }

    func writeRates(_ rates: [[String: Double]], to directory: String) throws -> [GeneratedFile] {
        try rates.enumerated().map { d, dayRates in try writeRateDay(d, rates: dayRates, to: directory) }
    }

    /// The FX file of day `d` (an index from the first day): a JSON array with one
    /// object per currency.
    func writeRateDay(_ d: Int, rates: [String: Double], to directory: String) throws -> GeneratedFile {
        let out = try TextFileWriter(path: directory + "/fx/fx_rates_\(Text.date(day(d))).json")
        let objects = DemoVocabulary.currencies.map { code, _ in
            Text.jsonObject([("date", Text.json(Text.date(day(d)))), ("base", Text.json("USD")), ("currency", Text.json(code)),
                             ("rate", String(format: code == "JPY" ? "%.3f" : "%.6f", rates[code] ?? 1))])
        }
        try out.write(line: "[" + objects.joined(separator: ",\n ") + "]")
        try out.close()
        return GeneratedFile(path: out.path, rows: objects.count)
    }
}
