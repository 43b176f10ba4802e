extension DemoGenerator {
    /// Web events as NDJSON, one file per arrival day. Most orders get a journey of
    /// page views (some carrying a campaign's UTM fields) ending in a purchase; the
    /// rest is anonymous and logged-in browsing. About 1% of events are sent twice
    /// and 2% arrive one to three days late, in a later day's file.
    func writeEvents(orders: [DemoOrderSummary], campaigns: [DemoCampaign], to directory: String) throws -> [GeneratedFile] {
        var rng = random("events")
        var byDay = Array(repeating: [String](), count: dayCount)
        var eventNumber = 0
        func add(second: Int, customer: String?, session: String, type: String, page: String,
                 campaign: DemoCampaign?, order: String?, rng: inout SeededGenerator) {
            eventNumber += 1
            let eventDay = second / 86_400 - firstDay
            var arrival = eventDay
            if rng.chance(0.02) { arrival += rng.int(1...3) }
            guard arrival < dayCount, eventDay >= 0 else { return }
            let json = Text.jsonObject([
                ("event_id", Text.json("evt-" + String(eventNumber).leftPadded(to: 10))),
                ("event_type", Text.json(type)),
                ("event_ts", Text.json(Text.timestamp(second, separator: "T") + "Z")),
                ("anonymous_id", Text.json("anon-" + String(stableHash(session) & 0xFF_FFFF, radix: 16))),
                ("customer_id", customer.map(Text.json) ?? "null"),
                ("session_id", Text.json(session)),
                ("page", Text.json(page)),
                ("device", Text.json(rng.pick(DemoVocabulary.devices))),
                ("utm", campaign.map { c in
                    Text.jsonObject([("source", Text.json(c.source)), ("medium", Text.json(c.medium)),
                                     ("campaign", Text.json(c.utmCampaign))])
                } ?? "null"),
                ("order_id", order.map(Text.json) ?? "null"),
            ])
            byDay[arrival].append(json)
            if rng.chance(0.01) { byDay[arrival].append(json) }
        }
        var sessionNumber = 0
        for order in orders where rng.chance(0.8) {
            sessionNumber += 1
            let session = "s-" + String(sessionNumber)
            let campaign = rng.chance(0.6) ? rng.pick(campaigns) : nil
            let views = rng.int(1...4)
            for v in 0..<views {
                let second = order.second - (views - v) * rng.int(30...600)
                add(second: second, customer: v == 0 ? nil : order.customer, session: session, type: "page_view",
                    page: rng.pick(DemoVocabulary.pages), campaign: v == 0 ? campaign : nil, order: nil, rng: &rng)
            }
            add(second: order.second, customer: order.customer, session: session, type: "purchase", page: "/checkout",
                campaign: nil, order: order.id, rng: &rng)
        }
        while eventNumber < eventCount {
            sessionNumber += 1
            let session = "s-" + String(sessionNumber)
            let customer = rng.chance(0.4) ? customerID(rng.int(1...customerCount)) : nil
            let campaign = rng.chance(0.3) ? rng.pick(campaigns) : nil
            var second = day(rng.int(0...(dayCount - 1))) * 86_400 + rng.int(0...86_000)
            for v in 0..<rng.int(1...6) {
                let type = rng.chance(0.15) ? "add_to_cart" : "page_view"
                add(second: second, customer: customer, session: session, type: type, page: rng.pick(DemoVocabulary.pages),
                    campaign: v == 0 ? campaign : nil, order: nil, rng: &rng)
                second += rng.int(5...300)
            }
        }
        return try byDay.enumerated().map { d, events in
            let out = try TextFileWriter(path: directory + "/events/web_events_\(Text.date(day(d))).ndjson")
            for event in events { try out.write(line: event) }
            try out.close()
            return GeneratedFile(path: out.path, rows: events.count)
        }
    }
}
