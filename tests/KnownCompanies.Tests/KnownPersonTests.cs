using CrmPlatform.EventContracts.Profiles.V1;

namespace CrmPlatform.KnownCompanies.Tests;

/// <summary>Who someone is and how to reach them, derived from the snapshots in Profiles' person events.</summary>
public sealed class KnownPersonTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Acme = Guid.CreateVersion7();

    [Fact]
    public void TheDisplayName_IsTheGivenThenTheFamilyName()
    {
        Assert.Equal("Anna Ek", KnownPerson.DisplayNameOf(Snapshot("Anna", "Ek")));
    }

    [Fact]
    public void TheDisplayName_IsTheGivenNameAlone_WithoutAFamilyName()
    {
        Assert.Equal("Anna", KnownPerson.DisplayNameOf(Snapshot("Anna", null)));
    }

    [Fact]
    public void TheDisplayName_LeavesOutABlankFamilyName()
    {
        Assert.Equal("Anna", KnownPerson.DisplayNameOf(Snapshot("Anna", "   ")));
    }

    [Fact]
    public void TheDisplayName_DropsStraySpaces()
    {
        Assert.Equal("Anna Ek", KnownPerson.DisplayNameOf(Snapshot("  Anna ", " Ek  ")));
    }

    [Fact]
    public void TheEmails_AreTheSnapshots()
    {
        Assert.Equal(["anna@acme.se", "anna.ek@gmail.com"], KnownPerson.EmailsOf(Snapshot(emails: ["anna@acme.se", "anna.ek@gmail.com"])));
    }

    [Fact]
    public void TheEmails_LeaveOutBlanks()
    {
        Assert.Equal(["anna@acme.se"], KnownPerson.EmailsOf(Snapshot(emails: ["", "anna@acme.se", "  "])));
    }

    [Fact]
    public void TheEmails_HoldEachAddressOnce_WhateverItsCase()
    {
        Assert.Equal(["Anna@Acme.se"], KnownPerson.EmailsOf(Snapshot(emails: ["Anna@Acme.se", "anna@acme.se"])));
    }

    [Fact]
    public void TheEmails_AreNone_WhenTheSnapshotCarriesNone()
    {
        Assert.Empty(KnownPerson.EmailsOf(Snapshot() with { Emails = null! }));
    }

    [Fact]
    public void ASnapshot_GivesTheNameEmailsAndCompany()
    {
        var person = new KnownPerson();

        person.Snapshot(Acme, Snapshot("Anna", "Ek", ["anna@acme.se"]), Monday);

        Assert.Equal(("Anna Ek", Acme, Monday), (person.DisplayName, person.CompanyId, person.SnapshotAt));
        Assert.Equal(["anna@acme.se"], person.Emails);
    }

    [Fact]
    public void ANewerSnapshot_ReplacesTheName()
    {
        var person = new KnownPerson();
        person.Snapshot(Acme, Snapshot("Anna", "Ek"), Monday);

        person.Snapshot(Acme, Snapshot("Anna", "Lind"), Monday.AddHours(1));

        Assert.Equal("Anna Lind", person.DisplayName);
    }

    [Fact]
    public void AnOlderSnapshotArrivingLate_ChangesNothing()
    {
        var person = new KnownPerson();
        person.Snapshot(Acme, Snapshot("Anna", "Lind"), Monday.AddHours(1));

        person.Snapshot(Guid.CreateVersion7(), Snapshot("Anna", "Ek"), Monday);

        Assert.Equal(("Anna Lind", Acme), (person.DisplayName, person.CompanyId));
    }

    [Fact]
    public void ASnapshot_KeepsTheDayThePersonLeft()
    {
        var person = new KnownPerson { LeftOn = new DateOnly(2026, 11, 20) };

        person.Snapshot(Acme, Snapshot("Anna", "Ek"), Monday);

        Assert.Equal(new DateOnly(2026, 11, 20), person.LeftOn);
    }

    private static PersonSnapshot Snapshot(string givenName = "Anna", string? familyName = "Ek", IReadOnlyList<string>? emails = null) =>
        new(givenName, familyName, Title: null, CurrentRoles: [], emails ?? [], Birthday: null, PreferredChannel: null);
}
