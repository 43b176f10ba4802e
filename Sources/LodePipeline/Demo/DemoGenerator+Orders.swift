import Foundation

/// What the event generator needs to know about an order to emit its purchase journey.
struct DemoOrderSummary {
    var id: String
    var customer: String
    var second: Int
}

/// The running order and line-item numbers while orders are written.
struct DemoOrderNumbers {
    var order: Int
    var item: Int
}

extension DemoGenerator {
    /// Orders and their line items, one pair of CSV files per day. Amounts are in the
    /// order's currency; a few rows carry unknown customers, blank prices or
    /// non-positive quantities, and statuses come in mixed casing.
    func writeOrders(products: [DemoProduct], rates: [[String: Double]], to directory: String) throws
        -> (files: [GeneratedFile], summaries: [DemoOrderSummary]) {
        var rng = random("orders")
        var files: [GeneratedFile] = []
        var summaries: [DemoOrderSummary] = []
        summaries.reserveCapacity(orderCount)
        var numbers = DemoOrderNumbers(order: 0, item: 0)
        for d in 0..<dayCount {
            let todays = orderCount * (d + 1) / dayCount - orderCount * d / dayCount
            let written = try writeOrderDay(d, count: todays, numbers: &numbers, products: products, rates: rates[d],
                                            rng: &rng, to: directory)
            files += written.files
            summaries += written.summaries
        }
        return (files, summaries)
    }

    /// The orders and order items files of day `d` (an index from the first day), with
    /// `count` orders numbered on from `numbers`.
    func writeOrderDay(_ d: Int, count: Int, numbers: inout DemoOrderNumbers, products: [DemoProduct], rates: [String: Double],
                       rng: inout SeededGenerator, to directory: String) throws
        -> (files: [GeneratedFile], summaries: [DemoOrderSummary]) {
        var summaries: [DemoOrderSummary] = []
        let orders = try TextFileWriter(path: directory + "/orders/orders_\(Text.date(day(d))).csv")
        let items = try TextFileWriter(path: directory + "/orders/order_items_\(Text.date(day(d))).csv")
        try orders.write(line: "order_id,customer_id,order_ts,status,currency,channel,shipping_country")
        try items.write(line: "order_item_id,order_id,product_id,quantity,unit_price,discount_pct")
        for _ in 0..<count {
            numbers.order += 1
            let orderID = "O" + String(numbers.order).leftPadded(to: 8)
            let customer = rng.chance(0.005) ? "C999999" : customerID(rng.int(1...customerCount))
            let second = day(d) * 86_400 + rng.int(0...86_399)
            let (currency, _) = rng.pick(DemoVocabulary.currencies)
            var status = rng.pick(DemoVocabulary.orderStatuses)
            if rng.chance(0.05) { status = rng.chance(0.5) ? status.uppercased() : status.capitalized }
            try orders.write(line: Text.csvRow([orderID, customer, Text.timestamp(second, separator: "T") + "Z", status,
                                                currency, rng.pick(DemoVocabulary.channels), rng.pick(DemoVocabulary.countries)]))
            summaries.append(DemoOrderSummary(id: orderID, customer: customer, second: second))
            let rate = rates[currency] ?? 1
            for _ in 0..<rng.weighted([0, 30, 45, 25]) {
                numbers.item += 1
                let product = rng.pick(products)
                var quantity = rng.weighted([0, 60, 25, 10, 5])
                if rng.chance(0.002) { quantity = rng.pick([0, -1]) }
                let price = rng.chance(0.002) ? "" : String(format: currency == "JPY" ? "%.0f" : "%.2f", product.price * rate)
                let discount = rng.chance(0.8) ? "0" : String(rng.pick([5, 10, 15, 20, 25]))
                try items.write(line: Text.csvRow(["OI" + String(numbers.item).leftPadded(to: 9), orderID, product.id,
                                                   String(quantity), price, discount]))
            }
        }
        try orders.close()
        try items.close()
        return ([GeneratedFile(path: orders.path, rows: orders.lineCount - 1), GeneratedFile(path: items.path, rows: items.lineCount - 1)],
                summaries)
    }
}
