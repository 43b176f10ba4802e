/// One web event before it is numbered and written.
struct DemoEvent {
    var second: Int
    var customer: String?
    var session: String
    var type: String
    var page: String
    var campaign: DemoCampaign?
    var order: String?
}

extension DemoGenerator {
    /// Web events as NDJSON, one file per arrival day. Most orders get a journey of
    /// page views (some carrying a campaign's UTM fields) ending in a purchase; the
    /// rest is anonymous and logged-in browsing. About 1% of events are sent twice
    /// and 2% arrive one to three days late, in a later day's file. Every day's file
    /// stays open while events are made, so memory does not grow with the scale.
    func writeEvents(orders: [DemoOrderSummary], campaigns: [DemoCampaign], to directory: String) throws -> [GeneratedFile] {
        var rng = random("events")
        let files = try (0..<dayCount).map { d in
            try TextFileWriter(path: directory + "/events/web_events_\(Text.date(day(d))).ndjson")
        }
        var eventNumber = 0
        var failure: Error?
        func add(_ event: DemoEvent, rng: inout SeededGenerator) {
            eventNumber += 1
            let eventDay = event.second / 86_400 - firstDay
            var arrival = eventDay
            if rng.chance(0.02) { arrival += rng.int(1...3) }
            guard arrival < dayCount, eventDay >= 0 else { return }
            let json = eventJSON(event, number: eventNumber, rng: &rng)
            let twice = rng.chance(0.01)
            do {
                try files[arrival].write(line: json)
                if twice { try files[arrival].write(line: json) }
            } catch {
                failure = failure ?? error
            }
        }
        var sessionNumber = 0
        for order in orders where rng.chance(0.8) {
            sessionNumber += 1
            journey(of: order, session: "s-" + String(sessionNumber), campaigns: campaigns, rng: &rng, add: add)
        }
        while eventNumber < eventCount {
            sessionNumber += 1
            browse(session: "s-" + String(sessionNumber), days: 0...(dayCount - 1), campaigns: campaigns, rng: &rng, add: add)
        }
        if let failure { throw failure }
        return try files.map { file in
            try file.close()
            return GeneratedFile(path: file.path, rows: file.lineCount)
        }
    }

    /// The page views leading to an order (the first one may carry a campaign) and the purchase.
    func journey(of order: DemoOrderSummary, session: String, campaigns: [DemoCampaign], rng: inout SeededGenerator,
                 add: (DemoEvent, inout SeededGenerator) -> Void) {
        let campaign = rng.chance(0.6) ? rng.pick(campaigns) : nil
        let views = rng.int(1...4)
        for v in 0..<views {
            let second = order.second - (views - v) * rng.int(30...600)
            add(DemoEvent(second: second, customer: v == 0 ? nil : order.customer, session: session, type: "page_view",
                          page: rng.pick(DemoVocabulary.pages), campaign: v == 0 ? campaign : nil, order: nil), &rng)
        }
        add(DemoEvent(second: order.second, customer: order.customer, session: session, type: "purchase", page: "/checkout",
                      campaign: nil, order: order.id), &rng)
    }

    /// A browsing session on one of `days` (indexes from the first day): page views and
    /// add-to-carts, anonymous or by a known customer.
    func browse(session: String, days: ClosedRange<Int>, campaigns: [DemoCampaign], rng: inout SeededGenerator,
                add: (DemoEvent, inout SeededGenerator) -> Void) {
        let customer = rng.chance(0.4) ? customerID(rng.int(1...customerCount)) : nil
        let campaign = rng.chance(0.3) ? rng.pick(campaigns) : nil
        var second = day(rng.int(days)) * 86_400 + rng.int(0...86_000)
        for v in 0..<rng.int(1...6) {
            let type = rng.chance(0.15) ? "add_to_cart" : "page_view"
            add(DemoEvent(second: second, customer: customer, session: session, type: type, page: rng.pick(DemoVocabulary.pages),
                          campaign: v == 0 ? campaign : nil, order: nil), &rng)
            second += rng.int(5...300)
        }
    }

    /// One event as a JSON line.
    func eventJSON(_ event: DemoEvent, number: Int, rng: inout SeededGenerator) -> String {
        Text.jsonObject([
            ("event_id", Text.json("evt-" + String(number).leftPadded(to: 10))),
            ("event_type", Text.json(event.type)),
            ("event_ts", Text.json(Text.timestamp(event.second, separator: "T") + "Z")),
            ("anonymous_id", Text.json("anon-" + String(stableHash(event.session) & 0xFF_FFFF, radix: 16))),
            ("customer_id", event.customer.map(Text.json) ?? "null"),
            ("session_id", Text.json(event.session)),
            ("page", Text.json(event.page)),
            ("device", Text.json(rng.pick(DemoVocabulary.devices))),
            ("utm_source", event.campaign.map { Text.json($0.source) } ?? "null"),
            ("utm_medium", event.campaign.map { Text.json($0.medium) } ?? "null"),
            ("utm_campaign", event.campaign.map { Text.json($0.utmCampaign) } ?? "null"),
            ("order_id", event.order.map(Text.json) ?? "null"),
        ])
    }

    func writeEventFile(day d: Int, events: [String], to directory: String) throws -> GeneratedFile {
        let out = try TextFileWriter(path: directory + "/events/web_events_\(Text.date(day(d))).ndjson")
        for event in events { try out.write(line: event) }
        try out.close()
        return GeneratedFile(path: out.path, rows: events.count)
    }
}
