extension DemoGenerator {
    func writeCompanies(to directory: String) throws -> [GeneratedFile] {
        var rng = random("companies")
        let out = try TextFileWriter(path: directory + "/crm/companies.csv")
        try out.write(line: "company_id,company_name,industry,country,employee_count")
        for i in 1...companyCount {
            let name = rng.pick(DemoVocabulary.companyWords) + " " + rng.pick(DemoVocabulary.companySuffixes)
            let employees = rng.chance(0.05) ? "" : String(rng.int(2...50_000))
            try out.write(line: Text.csvRow([companyID(i), name, rng.pick(DemoVocabulary.industries),
                                             rng.pick(DemoVocabulary.countries), employees]))
        }
        try out.close()
        return [GeneratedFile(path: out.path, rows: out.lineCount - 1)]
    }

    /// The CRM contact export: one row per contact, plus re-exported duplicates
    /// that differ in casing or carry a later segment.
    func writeContacts(to directory: String) throws -> [GeneratedFile] {
        var rng = random("contacts")
        let out = try TextFileWriter(path: directory + "/crm/contacts.csv")
        try out.write(line: "contact_id,first_name,last_name,email,phone,company_id,segment,country,created_at,updated_at")
        let firstSecond = firstDay * 86_400
        for i in 1...customerCount {
            let first = rng.pick(DemoVocabulary.firstNames), last = rng.pick(DemoVocabulary.lastNames)
            let created = firstSecond - rng.int(1...900) * 86_400 + rng.int(0...86_399)
            let company = rng.chance(0.4) ? companyID(rng.int(1...companyCount)) : ""
            var row = [customerID(i), first, last, email(first, last, i, &rng), phone(&rng), company,
                       rng.pick(DemoVocabulary.segments), rng.pick(DemoVocabulary.countries),
                       Text.timestamp(created), Text.timestamp(created + rng.int(0...30) * 86_400)]
            try out.write(line: Text.csvRow(row))
            if rng.chance(0.03) {
                // The same contact exported again: shouted names, padded email, maybe a new segment.
                row[1] = first.uppercased()
                row[2] = last.lowercased()
                row[3] = " " + row[3].uppercased() + " "
                if rng.chance(0.5) { row[6] = rng.pick(DemoVocabulary.segments) }
                row[9] = Text.timestamp(created + rng.int(31...60) * 86_400)
                try out.write(line: Text.csvRow(row))
            }
        }
        try out.close()
        return [GeneratedFile(path: out.path, rows: out.lineCount - 1)]
    }

    func customerID(_ i: Int) -> String { "C" + String(i).leftPadded(to: 6) }
    func companyID(_ i: Int) -> String { "CO" + String(i).leftPadded(to: 4) }

    private func email(_ first: String, _ last: String, _ i: Int, _ rng: inout SeededGenerator) -> String {
        if rng.chance(0.02) { return "" }
        let local = ascii(first).lowercased() + "." + ascii(last).lowercased() + String(i % 97)
        if rng.chance(0.02) { return local + rng.pick(["", "@", "@@example.com", " at example.com"]) }
        let address = local + "@" + rng.pick(DemoVocabulary.emailDomains)
        return rng.chance(0.05) ? address.uppercased() : address
    }

    private func phone(_ rng: inout SeededGenerator) -> String {
        let digits = String(rng.int(200...999)) + String(rng.int(200...999)) + String(rng.int(1000...9999))
        switch rng.weighted([70, 10, 10, 5, 5]) {
        case 0: return "+1-" + digits.prefix(3) + "-" + digits.dropFirst(3).prefix(3) + "-" + digits.suffix(4)
        case 1: return "(" + digits.prefix(3) + ") " + digits.dropFirst(3).prefix(3) + "-" + digits.suffix(4)
        case 2: return digits
        case 3: return ""
        default: return rng.pick(["n/a", "12345", "call me", "000-000"])
        }
    }

    /// Letters folded to ASCII for email addresses.
    private func ascii(_ s: String) -> String {
        let map: [Character: String] = ["é": "e", "ü": "u", "á": "a", "ó": "o", "ø": "o", "ö": "o", "ë": "e", "í": "i", "Ü": "U",
                                        "'": ""]
        return s.map { map[$0] ?? String($0) }.joined()
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
