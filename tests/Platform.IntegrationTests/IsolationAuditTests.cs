using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.Contracts.Interactions.V1;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.Contracts.Segmentation.V1;
using CrmPlatform.IntegrationTests.Support;
using Google.Protobuf.WellKnownTypes;
using Npgsql;

namespace CrmPlatform.IntegrationTests;

/// <summary>
/// Audits every service database as PostgreSQL itself sees it: the second wall behind EF's
/// query filters must stand on its own.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class IsolationAuditTests(PlatformFixture platform)
{
    /// <summary>
    /// Infrastructure tables that hold no tenant data of their own (see MessagingModel), and
    /// the watchers' alarms (Interactions' verdict alarms, Billing's overdue alarms): a tenant id and
    /// when its watcher wakes, read before any tenant can be chosen (see VerdictAlarm, OverdueAlarm).
    /// </summary>
    private static readonly string[] InfrastructureTables = ["__EFMigrationsHistory", "outbox_messages", "inbox_messages", "verdict_alarms", "overdue_alarms"];

    private static readonly Lock Gate = new();
    private static Task? filled;

    public static TheoryData<string> ServiceDatabases => new(PlatformFixture.ServiceDatabaseNames);

    /// <summary>
    /// Puts a row in every tenant table, so "reads 0 rows" below means hidden, not empty. Once
    /// for the whole run: it waits on every service, and the rows stay.
    /// </summary>
    private static Task EveryTenantTableFilled(PlatformFixture platform)
    {
        lock (Gate)
        {
            return filled ??= Fill(platform);
        }
    }

    private static async Task Fill(PlatformFixture platform)
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.CreateCompanyKnownEverywhere("Audit AB");
        await FillEveryProfilesTable(tenant, company);
        await FillEveryInteractionsTable(platform, tenant, company);
        await FillEveryBillingTable(tenant, company);
        await Eventually.True(
            async () => (await tenant.Segmentation.GetCompanyFactsAsync(new GetCompanyFactsRequest { CompanyId = company.Id })).InvoicedTotals.Count == 1,
            "the audit invoice to reach Segmentation");

        // company_merges here; company_repoints in Interactions and Billing once they follow the merge.
        var merged = await tenant.CreateCompanyKnownEverywhere("Audit Duplicate AB");
        await tenant.Merges.MergeCompaniesAsync(new MergeCompaniesRequest { SurvivorId = company.Id, MergedId = merged.Id });
        await DuplicateMergeTests.FollowedEverywhere(tenant, merged.Id, company.Id);

        // known_people in Interactions and Billing, from the person added above; no API reads them.
        await Eventually.True(
            async () => await Rows(platform, "interactions", "known_people") > 0 && await Rows(platform, "billing", "known_people") > 0,
            "the audit person to reach Interactions and Billing");
    }

    private static async Task<long> Rows(PlatformFixture platform, string database, string table)
    {
        await using var superuser = await Open(platform.SuperuserConnectionString(database));
        return await Count(superuser, table);
    }

    // One call per Interactions table (known_companies, known_people and company_repoints fill from events).
    private static async Task FillEveryInteractionsTable(PlatformFixture platform, TenantClient tenant, Company company)
    {
        using var member = await platform.NewMember(tenant, "Audit Member"); // known_members
        var call = await member.Client.Interactions.RecordInteractionAsync(new RecordInteractionRequest // interactions, interaction_subjects, contact_stats
        {
            CompanyId = company.Id,
            Interaction = new Interaction { Kind = InteractionKind.Call, Subject = "Audit call" },
        });
        await member.Client.Interactions.UpdateInteractionAsync(new UpdateInteractionRequest // interaction_versions
        {
            Interaction = new Interaction { Id = call.Id, Subject = "Audit call, edited" },
            UpdateMask = new FieldMask { Paths = { "subject" } },
        });
        await tenant.Contacts.UpdateContactPolicyAsync(new UpdateContactPolicyRequest { Policy = new ContactPolicy { DefaultCadenceDays = 14 } }); // contact_policies
    }

    // One call per Billing table (known_companies, known_people and company_repoints fill from events).
    private static async Task FillEveryBillingTable(TenantClient tenant, Company company)
    {
        var invoice = await tenant.Billing.CreateInvoiceAsync(new CreateInvoiceRequest // invoices, company_standings, grade_changes
        {
            Invoice = new Invoice
            {
                CompanyId = company.Id,
                Number = "AUDIT-1",
                Amount = new Money { CurrencyCode = "SEK", Units = 100 },
                IssueDate = new Date { Year = 2026, Month = 1, Day = 1 },
                DueDate = new Date { Year = 2026, Month = 1, Day = 31 },
            },
        });
        await tenant.Billing.RecordPaymentAsync(new RecordPaymentRequest // payments, payment_allocations
        {
            Payment = new Payment
            {
                CompanyId = company.Id,
                Amount = new Money { CurrencyCode = "SEK", Units = 50 },
                ReceivedDate = new Date { Year = 2026, Month = 2, Day = 2 },
                Allocations = { new PaymentAllocation { InvoiceId = invoice.Id, Amount = new Money { CurrencyCode = "SEK", Units = 50 } } },
            },
        });
        await tenant.Billing.IssueCreditNoteAsync(new IssueCreditNoteRequest // credit_notes
        {
            CreditNote = new CreditNote
            {
                CompanyId = company.Id,
                InvoiceId = invoice.Id,
                Amount = new Money { CurrencyCode = "SEK", Units = 10 },
                Reason = CreditReason.Commercial,
                IssueDate = new Date { Year = 2026, Month = 2, Day = 3 },
            },
        });
        await tenant.Collection.RecordCollectionEffortAsync(new RecordCollectionEffortRequest // collection_efforts
        {
            Effort = new CollectionEffort { InvoiceId = invoice.Id, Kind = CollectionEffortKind.Call, Note = "Audit call" },
        });
        await tenant.Collection.UpdateDunningPolicyAsync(new UpdateDunningPolicyRequest // billing_policies
        {
            Policy = new DunningPolicy { Levels = { new DunningLevel { Level = 1, DaysAfterDue = 7, Label = "Reminder", Kind = CollectionEffortKind.Reminder } } },
        });
    }

    // One call per Profiles table; a new table needs a line here, or the audit below fails on it.
    private static async Task FillEveryProfilesTable(TenantClient tenant, Company company)
    {
        await tenant.Companies.UpdateCompanyAsync(new UpdateCompanyRequest // company_changes
        {
            Company = new Company { Id = company.Id, AccountOwner = "auditor@example.com" },
            UpdateMask = new FieldMask { Paths = { "account_owner" } },
        });
        await tenant.Review.UpdateReviewPolicyAsync(new UpdateReviewPolicyRequest // review_policies
        {
            ReviewPolicy = new ReviewPolicy { ReviewIntervalDays = 90 },
        });
        await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest // idempotency_records
        {
            Company = new Company { Name = "Audit Retry AB" },
            RequestId = Guid.NewGuid().ToString(),
        });
        await tenant.People.CreatePersonAsync(new CreatePersonRequest { CompanyId = company.Id, Person = new Person { GivenName = "Audit" } }); // people
        await tenant.Projects.CreateProjectAsync(new CreateProjectRequest // projects
        {
            CompanyId = company.Id,
            Project = new Project { Name = "Audit project", Stage = ProjectStage.Planning },
        });
        await CompanyProfileTests.DefineCustomFields(tenant); // custom_field_definitions
        await ImportExportTests.Import(tenant, Guid.NewGuid().ToString(), new Company { ExternalId = "AUDIT-1", Name = "Audit Import AB" }); // company_imports, company_import_reports (kept for a keyed import)
    }

    [Theory]
    [MemberData(nameof(ServiceDatabases))]
    public async Task EveryTableButTheInfrastructures_IsATenantTable(string database)
    {
        await using var superuser = await Open(platform.SuperuserConnectionString(database));

        var tables = await TenantTables(superuser);

        Assert.NotEmpty(tables);
        var allTables = await Strings(superuser, "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')");
        Assert.Equal(allTables.Except(InfrastructureTables).Order(), tables.Order());
    }

    [Theory]
    [MemberData(nameof(ServiceDatabases))]
    public async Task EveryTenantTable_HasRowLevelSecurityEnabledAndForced(string database)
    {
        await using var superuser = await Open(platform.SuperuserConnectionString(database));

        foreach (var table in await TenantTables(superuser))
        {
            await using var command = new NpgsqlCommand("SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = $1 AND relnamespace = 'public'::regnamespace", superuser);
            command.Parameters.AddWithValue(table);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.True(reader.GetBoolean(0), $"{database}.{table}: row-level security is not enabled");
            Assert.True(reader.GetBoolean(1), $"{database}.{table}: row-level security is not forced");
        }
    }

    [Theory]
    [MemberData(nameof(ServiceDatabases))]
    public async Task EveryTenantTable_HasOnePolicy_StrictlyOnTheTenantSetting(string database)
    {
        await using var superuser = await Open(platform.SuperuserConnectionString(database));
        var tables = await TenantTables(superuser);

        var policies = await Strings(superuser, "SELECT tablename || ': ' || coalesce(qual, '') || ' / ' || coalesce(with_check, '') FROM pg_policies WHERE schemaname = 'public'");

        Assert.Equal(tables.Order(), policies.Select(p => p[..p.IndexOf(':')]).Order());
        Assert.All(policies, policy =>
        {
            Assert.Contains("current_setting('app.tenant_id'", policy);
            Assert.DoesNotContain("IS NULL", policy, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Theory]
    [MemberData(nameof(ServiceDatabases))]
    public async Task ApplicationRole_IsNotOwnerSuperuserOrBypassRls(string database)
    {
        await using var app = await Open(platform.AppConnectionString(database));
        await using var command = new NpgsqlCommand("""
            SELECT r.rolsuper, r.rolbypassrls,
                   (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid),
                   (SELECT count(*) FROM pg_database d WHERE d.datdba = r.oid),
                   (SELECT count(*) FROM pg_auth_members m WHERE m.member = r.oid)
            FROM pg_roles r WHERE r.rolname = current_user
            """, app);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.False(reader.GetBoolean(0), "the application role is a superuser");
        Assert.False(reader.GetBoolean(1), "the application role bypasses row-level security");
        Assert.Equal(0L, reader.GetInt64(2));
        Assert.Equal(0L, reader.GetInt64(3));
        Assert.Equal(0L, reader.GetInt64(4));
    }

    [Theory]
    [MemberData(nameof(ServiceDatabases))]
    public async Task TransactionWithoutTenant_ReadsNoRows(string database)
    {
        await EveryTenantTableFilled(platform);
        await using var superuser = await Open(platform.SuperuserConnectionString(database));
        await using var app = await Open(platform.AppConnectionString(database));

        foreach (var table in await TenantTables(superuser))
        {
            Assert.True(await Count(superuser, table) > 0, $"{database}.{table} has no rows to hide; the audit would prove nothing");

            await using var transaction = await app.BeginTransactionAsync();
            Assert.Equal(0L, await Count(app, table));
        }
    }

    [Theory]
    [MemberData(nameof(ServiceDatabases))]
    public async Task TransactionWithoutTenant_CannotInsert(string database)
    {
        await using var superuser = await Open(platform.SuperuserConnectionString(database));
        await using var app = await Open(platform.AppConnectionString(database));

        foreach (var table in await TenantTables(superuser))
        {
            await using var transaction = await app.BeginTransactionAsync();
            var error = await Assert.ThrowsAsync<PostgresException>(() =>
                new NpgsqlCommand($"INSERT INTO \"{table}\" (tenant_id) VALUES (gen_random_uuid())", app, transaction).ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        }
    }

    [Theory]
    [MemberData(nameof(ServiceDatabases))]
    public async Task TransactionWithATenant_CannotInsertRowsOfAnother(string database)
    {
        await using var superuser = await Open(platform.SuperuserConnectionString(database));
        await using var app = await Open(platform.AppConnectionString(database));

        foreach (var table in await TenantTables(superuser))
        {
            await using var transaction = await app.BeginTransactionAsync();
            await new NpgsqlCommand($"SET LOCAL app.tenant_id = '{Guid.NewGuid()}'", app, transaction).ExecuteNonQueryAsync();
            var error = await Assert.ThrowsAsync<PostgresException>(() =>
                new NpgsqlCommand($"INSERT INTO \"{table}\" (tenant_id) VALUES (gen_random_uuid())", app, transaction).ExecuteNonQueryAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        }
    }

    [Theory]
    [MemberData(nameof(ServiceDatabases))]
    public async Task EveryKeyAndUniqueIndex_LeadsWithTenantId(string database)
    {
        await using var superuser = await Open(platform.SuperuserConnectionString(database));
        var tables = await TenantTables(superuser);

        var indexes = await Strings(superuser, """
            SELECT c.relname || '.' || i.relname || ' leads with ' || a.attname
            FROM pg_index x
            JOIN pg_class c ON c.oid = x.indrelid
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = x.indkey[0]
            WHERE (x.indisprimary OR x.indisunique) AND c.relnamespace = 'public'::regnamespace
            """);

        var tenantIndexes = indexes.Where(i => tables.Contains(i[..i.IndexOf('.')])).ToList();
        Assert.NotEmpty(tenantIndexes);
        Assert.All(tenantIndexes, index => Assert.EndsWith(" leads with tenant_id", index));
    }

    [Theory]
    [MemberData(nameof(ServiceDatabases))]
    public async Task EveryForeignKey_LeadsWithTenantId(string database)
    {
        await using var superuser = await Open(platform.SuperuserConnectionString(database));

        var foreignKeys = await Strings(superuser, """
            SELECT conname || ': ' || a.attname || ' -> ' || f.attname
            FROM pg_constraint k
            JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
            JOIN pg_attribute f ON f.attrelid = k.confrelid AND f.attnum = k.confkey[1]
            WHERE k.contype = 'f' AND k.connamespace = 'public'::regnamespace
            """);

        Assert.All(foreignKeys, key => Assert.EndsWith(": tenant_id -> tenant_id", key));
    }

    private static async Task<NpgsqlConnection> Open(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static Task<List<string>> TenantTables(NpgsqlConnection connection) => Strings(connection, """
        SELECT c.relname FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
        """);

    private static async Task<long> Count(NpgsqlConnection connection, string table) =>
        (long)(await new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection).ExecuteScalarAsync())!;

    private static async Task<List<string>> Strings(NpgsqlConnection connection, string sql)
    {
        var values = new List<string>();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
