namespace CrmPlatform.KnownCompanies.Tests;

/// <summary>A known company's name kept current from Profiles' announcements, whatever order they arrive in.</summary>
public sealed class KnownCompanyTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ANewerAnnouncement_GivesItsName()
    {
        var company = Known("Acme", Created);

        company.Announced("Acme AB", Created.AddMinutes(5));

        Assert.Equal(("Acme AB", Created.AddMinutes(5)), (company.Name, company.UpdatedAt));
    }

    [Fact]
    public void AnOlderAnnouncementArrivingLate_KeepsTheNewerName()
    {
        var company = Known("Acme AB", Created.AddMinutes(5));

        company.Announced("Acme", Created);

        Assert.Equal("Acme AB", company.Name);
    }

    [Fact]
    public void TheCreationArrivingAfterAnUpdate_DatesTheCompanyFromItsCreation()
    {
        var company = Known("Acme AB", Created.AddMinutes(5));

        company.Announced("Acme", Created);

        Assert.Equal(Created, company.KnownSince);
    }

    [Fact]
    public void ALaterAnnouncement_KeepsWhenTheCompanyBecameKnown()
    {
        var company = Known("Acme", Created);

        company.Announced("Acme AB", Created.AddDays(1));

        Assert.Equal(Created, company.KnownSince);
    }

    private static KnownCompany Known(string name, DateTimeOffset at) =>
        new() { CompanyId = Guid.CreateVersion7(), Name = name, KnownSince = at, UpdatedAt = at };
}
