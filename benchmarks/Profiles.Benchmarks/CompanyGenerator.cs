using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Benchmarks;

/// <summary>
/// Companies as a tenant's ERP would hand them over: the same seed gives the same companies.
/// Names join an invented brand (tens of thousands of distinct words) to common qualifier and
/// sector words, so a trigram search must tell apart many names that share most of their words.
/// </summary>
public static class CompanyGenerator
{
    private static readonly string[] Syllables =
    [
        "ka", "lor", "ven", "mi", "sto", "ber", "an", "del", "tri", "vo", "nor", "sel", "ra", "gun", "ho", "lin",
        "mar", "ek", "tor", "sun", "ri", "ald", "fen", "qui", "bra", "zo", "pel", "ty", "gra", "hel", "um", "os",
    ];

    private static readonly string[] Qualifiers =
    [
        "Nordic", "Baltic", "Alpine", "Atlantic", "Northern", "Coastal", "Silver", "Granite", "Golden", "Royal",
        "United", "Global", "Metro", "Prime", "Urban", "Polar", "Rapid", "Bright", "Green", "Blue", "Iron", "Oak",
        "Pine", "Harbor", "Summit", "Valley", "River", "Lake", "Forest", "Stone", "Crown", "Eagle", "Falcon",
    ];

    /// <summary>The sector word of a name with the NAICS industry it implies.</summary>
    private static readonly (string Word, string Code, string Label)[] Sectors =
    [
        ("Timber", "113310", "Logging"), ("Freight", "484121", "General Freight Trucking, Long-Distance"),
        ("Logistics", "488510", "Freight Transportation Arrangement"), ("Analytics", "541512", "Computer Systems Design Services"),
        ("Software", "511210", "Software Publishers"), ("Systems", "541511", "Custom Computer Programming Services"),
        ("Foods", "311999", "All Other Miscellaneous Food Manufacturing"), ("Textiles", "313210", "Broadwoven Fabric Mills"),
        ("Robotics", "333998", "All Other Miscellaneous General Purpose Machinery Manufacturing"),
        ("Energy", "221118", "Other Electric Power Generation"), ("Solar", "221114", "Solar Electric Power Generation"),
        ("Marine", "336611", "Ship Building and Repairing"), ("Pharma", "325412", "Pharmaceutical Preparation Manufacturing"),
        ("Dental", "621210", "Offices of Dentists"), ("Consulting", "541611", "Administrative Management Consulting Services"),
        ("Construction", "236220", "Commercial and Institutional Building Construction"),
        ("Engineering", "541330", "Engineering Services"), ("Retail", "452319", "All Other General Merchandise Stores"),
        ("Brewing", "312120", "Breweries"), ("Bakery", "311811", "Retail Bakeries"), ("Printing", "323111", "Commercial Printing"),
        ("Plastics", "326199", "All Other Plastics Product Manufacturing"), ("Metals", "332999", "All Other Miscellaneous Fabricated Metal Product Manufacturing"),
        ("Motors", "441110", "New Car Dealers"), ("Telecom", "517311", "Wired Telecommunications Carriers"),
        ("Media", "519130", "Internet Publishing and Broadcasting"), ("Architects", "541310", "Architectural Services"),
        ("Insurance", "524210", "Insurance Agencies and Brokerages"), ("Capital", "523920", "Portfolio Management"),
        ("Properties", "531120", "Lessors of Nonresidential Buildings"), ("Farms", "111998", "All Other Miscellaneous Crop Farming"),
        ("Fisheries", "114111", "Finfish Fishing"), ("Medical", "621111", "Offices of Physicians"), ("Labs", "541714", "Research and Development in Biotechnology"),
        ("Security", "561612", "Security Guards and Patrol Services"), ("Travel", "561510", "Travel Agencies"),
    ];

    /// <summary>Country, its calling code, web domain, legal forms (short, long) and a few cities.</summary>
    private static readonly (string Code, string Calling, string Tld, string Short, string Long, string[] Cities)[] Countries =
    [
        ("SE", "46", "se", "AB", "Aktiebolag", ["Stockholm", "Göteborg", "Malmö", "Umeå", "Uppsala", "Luleå"]),
        ("FI", "358", "fi", "Oy", "Osakeyhtiö", ["Helsinki", "Espoo", "Tampere", "Oulu", "Turku"]),
        ("NO", "47", "no", "AS", "Aksjeselskap", ["Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø"]),
        ("DK", "45", "dk", "ApS", "Anpartsselskab", ["København", "Aarhus", "Odense", "Aalborg"]),
        ("DE", "49", "de", "GmbH", "Gesellschaft mit beschränkter Haftung", ["Berlin", "Hamburg", "München", "Köln", "Leipzig"]),
        ("NL", "31", "nl", "B.V.", "Besloten Vennootschap", ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven"]),
        ("GB", "44", "co.uk", "Ltd", "Limited", ["London", "Manchester", "Leeds", "Bristol", "Glasgow"]),
        ("US", "1", "com", "Inc.", "Incorporated", ["New York", "Chicago", "Austin", "Seattle", "Boston", "Denver"]),
        ("EE", "372", "ee", "OÜ", "Osaühing", ["Tallinn", "Tartu", "Pärnu"]),
    ];

    private static readonly string[] Streets = ["Storgatan", "Main Street", "Hauptstraße", "Kungsvägen", "Rantakatu", "Havnegade", "Station Road", "Industrivej"];

    private static readonly string[] Owners = ["anna", "erik", "maria", "johan", "li", "sofia", "ahmed", "karin", "lars", "eva", "mikko", "julia"];

    private static readonly string[] Tags = ["vip", "partner", "reseller", "enterprise", "smb", "north", "south", "export", "public-sector", "priority"];

    public static List<Company> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var companies = new List<Company>(count);
        for (var i = 1; i <= count; i++)
        {
            companies.Add(Next(random, i));
        }

        return companies;
    }

    private static Company Next(Random random, int number)
    {
        var brand = Brand(random);
        var qualifier = Pick(random, Qualifiers);
        var sector = Pick(random, Sectors);
        var country = Pick(random, Countries);
        // Ascii letters only in the host name; the number keeps domains apart where brands collide.
        var domain = $"{brand}{sector.Word}{number % 1000}.{country.Tld}".ToLowerInvariant();
        var company = new Company
        {
            ExternalId = $"ERP-{number:D8}",
            Name = $"{brand} {qualifier} {sector.Word} {country.Short}",
            LegalName = $"{brand} {qualifier} {sector.Word} {country.Long}",
            Website = $"https://www.{domain}",
            Domain = domain,
            Industry = new Industry { Code = sector.Code, Label = sector.Label },
            // Most companies are small, a few are large.
            EmployeeCount = (int)Math.Exp(random.NextDouble() * 10),
            Headquarters = new Address
            {
                Kind = AddressKind.Headquarters,
                Lines = { $"{Pick(random, Streets)} {random.Next(1, 200)}" },
                City = Pick(random, country.Cities),
                PostalCode = random.Next(10000, 99999).ToString(),
                CountryCode = country.Code,
            },
            Phone = $"+{country.Calling} {random.Next(10, 99)} {random.Next(100, 999)} {random.Next(1000, 9999)}",
            Email = $"info@{domain}",
            AccountOwner = Pick(random, Owners),
            LifecycleStage = random.Next(10) switch
            {
                < 5 => LifecycleStage.Prospect,
                < 9 => LifecycleStage.Customer,
                _ => LifecycleStage.FormerCustomer,
            },
        };
        company.Tags.AddRange(Tags.Where(_ => random.Next(6) == 0).Take(3));
        return company;
    }

    /// <summary>An invented brand word of two or three syllables, e.g. "Kalorven".</summary>
    private static string Brand(Random random)
    {
        var word = string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Pick(random, Syllables)));
        return char.ToUpperInvariant(word[0]) + word[1..];
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
