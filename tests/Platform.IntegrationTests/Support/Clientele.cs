using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.Contracts.Profiles.V1;
using Npgsql;

namespace CrmPlatform.IntegrationTests.Support;

/// <summary>
/// A tenant with a client and co-workers, as the timeline tests need them: the company Acme AB
/// known everywhere, Anna Svensson of Acme known to Interactions, and two members with keys of
/// their own: Erik Berg of team sales and Maria Holm of team support.
/// </summary>
public sealed class Clientele : IDisposable
{
    public required TenantClient Tenant { get; init; }
    public required Company Company { get; init; }
    public required Person Anna { get; init; }
    public required Member Erik { get; init; }
    public required Member Maria { get; init; }

    public static async Task<Clientele> Arrange(PlatformFixture platform, string companyName = "Acme AB")
    {
        var tenant = await platform.NewTenant();
        var company = await tenant.CreateCompanyKnownEverywhere(companyName);
        var anna = await tenant.People.CreatePersonAsync(new CreatePersonRequest
        {
            CompanyId = company.Id,
            Person = new Person { GivenName = "Anna", FamilyName = "Svensson", Emails = { $"anna.svensson@{Guid.NewGuid():N}.example" } },
        });
        var erik = await platform.NewMember(tenant, "Erik Berg", "sales");
        var maria = await platform.NewMember(tenant, "Maria Holm", "support");
        await Eventually.True(() => PersonKnown(platform, anna.Id), "Anna to reach Interactions");
        return new Clientele { Tenant = tenant, Company = company, Anna = anna, Erik = erik, Maria = maria };
    }

    /// <summary>Records <paramref name="interaction"/> on the company as <paramref name="by"/> (the tenant's own key when null).</summary>
    public async Task<Interaction> Record(Interaction interaction, Member? by = null) =>
        await (by?.Client ?? Tenant).Interactions.RecordInteractionAsync(new RecordInteractionRequest { CompanyId = Company.Id, Interaction = interaction });

    public async Task<List<Interaction>> Timeline(TenantClient reader, ListInteractionsRequest? request = null)
    {
        request ??= new ListInteractionsRequest();
        if (request.PersonId.Length == 0)
        {
            request.CompanyId = Company.Id;
        }

        return [.. (await reader.Interactions.ListInteractionsAsync(request)).Interactions];
    }

    public static async Task<bool> PersonKnown(PlatformFixture platform, string personId)
    {
        await using var connection = new NpgsqlConnection(platform.SuperuserConnectionString("interactions"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM known_people WHERE person_id = $1 AND display_name IS NOT NULL", connection);
        command.Parameters.AddWithValue(Guid.Parse(personId));
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    public void Dispose()
    {
        Erik.Dispose();
        Maria.Dispose();
        Tenant.Dispose();
    }
}
