extension DemoGenerator {
    /// Writes one more day of the daily feeds — orders and order items, web events, FX
    /// rates and ad spend — for day `index` (counted from the first day, at least
    /// `dayCount`), as if the sources had moved on by a day.
    ///
    /// The CRM export, catalog and campaigns stay as `generate(into:)` wrote them; the new
    /// orders are placed by known customers and numbered after every earlier day's (order,
    /// item and event ids never collide with earlier files). About 2% of the day's events
    /// happened one to three days before and arrive late; about 1% are sent twice.
    @discardableResult
    public func generateDay(_ index: Int, into directory: String) throws -> [GeneratedFile] {
        guard index >= dayCount else {
            throw PipelineError(.run, "day \(index) is already written by generate(into:); extra days start at \(dayCount)")
        }
        let extra = index - dayCount
        let campaigns = makeCampaigns()
        let products = makeProducts()
        let rates = makeRates(days: index + 1)[index]
        var files = [try writeRateDay(index, rates: rates, to: directory)]

        let perDay = max(1, orderCount / dayCount)
        var numbers = DemoOrderNumbers(order: orderCount + extra * perDay, item: 3 * orderCount + extra * 3 * perDay)
        var orderRandom = random("orders-day-\(index)")
        let orders = try writeOrderDay(index, count: perDay, numbers: &numbers, products: products, rates: rates,
                                       rng: &orderRandom, to: directory)
        files += orders.files

        var rng = random("events-day-\(index)")
        let stride = 2 * (eventCount + 5 * orderCount)
        let firstNumber = stride * (extra + 1)
        var eventNumber = firstNumber
        var lines: [String] = []
        func add(_ event: DemoEvent, rng: inout SeededGenerator) {
            eventNumber += 1
            var event = event
            if rng.chance(0.02) { event.second -= rng.int(1...3) * 86_400 }
            let json = eventJSON(event, number: eventNumber, rng: &rng)
            lines.append(json)
            if rng.chance(0.01) { lines.append(json) }
        }
        var sessionNumber = 0
        let sessionPrefix = "s-d" + String(index) + "-"
        for order in orders.summaries where rng.chance(0.8) {
            sessionNumber += 1
            journey(of: order, session: sessionPrefix + String(sessionNumber), campaigns: campaigns, rng: &rng, add: add)
        }
        while eventNumber - firstNumber < max(1, eventCount / dayCount) {
            sessionNumber += 1
            browse(session: sessionPrefix + String(sessionNumber), days: index...index, campaigns: campaigns, rng: &rng, add: add)
        }
        files.append(try writeEventFile(day: index, events: lines, to: directory))

        var spendRandom = random("spend-day-\(index)")
        files.append(try writeSpendDay(index, campaigns: campaigns, rng: &spendRandom, to: directory))
        return files
    }
}
