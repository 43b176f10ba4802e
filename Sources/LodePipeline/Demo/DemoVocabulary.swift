/// Word lists the demo generator draws from. Some names are non-ASCII on purpose.
enum DemoVocabulary {
    static let firstNames = ["Ada", "Bruno", "Chloé", "Dmitri", "Elena", "Farah", "Gustav", "Hana", "Ivan", "Jürgen",
                             "Keiko", "Liam", "María", "Noah", "Olivia", "Pablo", "Quinn", "Rosa", "Søren", "Tomás",
                             "Uma", "Victor", "Wei", "Ximena", "Yusuf", "Zoë", "Amara", "Björn", "Chen", "Diego"]
    static let lastNames = ["Anderson", "Brown", "Castillo", "Dubois", "Eriksen", "Fischer", "García", "Hoffmann",
                            "Ivanova", "Jensen", "Kowalski", "López", "Müller", "Nakamura", "O'Brien", "Petrov",
                            "Quispe", "Rossi", "Smith", "Tanaka", "Ünal", "Virtanen", "Wang", "Xu", "Yamamoto", "Zhang"]
    static let countries = ["US", "US", "US", "GB", "DE", "FR", "ES", "JP", "CA", "NL"]
    static let segments = ["consumer", "small_business", "enterprise"]
    static let industries = ["Retail", "Software", "Manufacturing", "Healthcare", "Finance", "Education", "Media"]
    static let companyWords = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Vandelay",
                               "Soylent", "Tyrell", "Cyberdyne", "Wonka", "Gringotts", "Oscorp", "Aperture"]
    static let companySuffixes = ["Inc", "GmbH", "Ltd", "S.A.", "LLC", "KK", "& Co"]
    static let emailDomains = ["example.com", "mail.example.org", "shop.example.net", "corp.example"]
    static let categories: [(String, [String])] = [
        ("Electronics", ["Headphones", "Chargers", "Speakers"]),
        ("Home", ["Kitchen", "Lighting", "Bedding"]),
        ("Apparel", ["Shirts", "Shoes", "Outerwear"]),
        ("Sports", ["Fitness", "Cycling", "Outdoor"]),
        ("Books", ["Fiction", "Cooking", "Travel"]),
    ]
    static let brands = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Proseware", "Adatum"]
    static let colors = ["black", "white", "red", "blue", "green", "grey"]
    static let sizes = ["XS", "S", "M", "L", "XL"]
    /// Order currencies and their starting rate per US dollar.
    static let currencies: [(String, Double)] = [("USD", 1.0), ("EUR", 0.92), ("GBP", 0.79), ("JPY", 148.0), ("CAD", 1.36)]
    static let orderStatuses = ["completed", "completed", "completed", "shipped", "cancelled", "returned", "pending"]
    static let channels = ["web", "web", "mobile", "store"]
    static let pages = ["/", "/search", "/category/electronics", "/category/home", "/category/apparel",
                        "/deals", "/product", "/cart", "/checkout"]
    static let devices = ["desktop", "mobile", "tablet"]
    static let campaignChannels: [(channel: String, source: String, medium: String)] = [
        ("paid_search", "google", "cpc"), ("paid_search", "bing", "cpc"), ("social", "facebook", "paid_social"),
        ("social", "instagram", "paid_social"), ("email", "newsletter", "email"), ("display", "gdn", "display"),
        ("affiliate", "partner_net", "affiliate"),
    ]
}
