using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.Interactions.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmPlatform.Interactions.Contacts;

/// <summary>
/// Follows what Profiles says of a company that contact verdicts depend on: its account owner and
/// its strategy's cadence (an older announcement arriving late changes neither), and whether it
/// is deleted. Every company gets its statistics row on creation, so a client nobody ever
/// contacted is on the neglected list once its first cadence has passed.
/// </summary>
public sealed class CompanyTargetsConsumer(InteractionsDbContext db, VerdictAlarms alarms)
    : IConsumer<CompanyCreated>, IConsumer<CompanyUpdated>, IConsumer<CompanyDeleted>, IConsumer<CompanyRestored>
{
    public Task Consume(ConsumeContext<CompanyCreated> context) =>
        Announce(context.Message.CompanyId, context.Message.AccountOwner, context.Message.ContactCadenceDays, context.Message.OccurredAt, context.CancellationToken);

    public Task Consume(ConsumeContext<CompanyUpdated> context) =>
        Announce(context.Message.CompanyId, context.Message.AccountOwner, context.Message.ContactCadenceDays, context.Message.OccurredAt, context.CancellationToken);

    public Task Consume(ConsumeContext<CompanyDeleted> context) => SetListed(context.Message.CompanyId, false, context.CancellationToken);

    public Task Consume(ConsumeContext<CompanyRestored> context) => SetListed(context.Message.CompanyId, true, context.CancellationToken);

    private async Task Announce(Guid companyId, string? owner, int? cadence, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var row = await Row(companyId, at, cancellationToken);
        if (row.KnownSince > at)
        {
            row.KnownSince = at;
            row.DueFrom = row.LastContactAt is null ? at : row.DueFrom;
        }

        if (row.ProfileAt is null || row.ProfileAt <= at)
        {
            row.AccountOwner = owner;
            row.CadenceDays = cadence;
            row.ProfileAt = at;
        }

        var policy = await db.LoadPolicy(cancellationToken);
        var days = ContactPolicies.CadenceDays(policy, row.CadenceDays);
        row.DueAt = row.DueFrom.AddDays(days);
        await db.SaveChangesAsync(cancellationToken);

        // The company's people are judged against its cadence too; what the update leaves is what
        // the alarm needs, so no second read of the same rows.
        var people = await db.ReadAsync(
            """
            UPDATE contact_stats SET due_at = due_from + make_interval(days => $3)
            WHERE tenant_id = $1 AND company_id = $2 AND NOT is_company
            RETURNING verdict, due_at, over_contacted_until
            """,
            reader => VerdictClock.NextChange(
                reader.IsDBNull(0) ? null : reader.GetString(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2)),
            cancellationToken,
            new NpgsqlParameter { Value = db.TenantId }, new NpgsqlParameter { Value = companyId }, new NpgsqlParameter { Value = days });

        // A new or shorter cadence may bring a due time (the company's or a person's) nearer.
        var next = people.Append(VerdictClock.NextChange(row.Verdict, row.DueAt, row.OverContactedUntil)).Min();
        if (next is { } wakeAt)
        {
            await alarms.Arm(wakeAt, cancellationToken);
        }
    }

    private async Task SetListed(Guid companyId, bool listed, CancellationToken cancellationToken)
    {
        var row = await Row(companyId, DateTimeOffset.UtcNow, cancellationToken);
        row.Listed = listed;
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<ContactStatsRow> Row(Guid companyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var row = await db.ContactStats.FirstOrDefaultAsync(s => s.SubjectId == companyId, cancellationToken);
        if (row is null)
        {
            row = new ContactStatsRow { SubjectId = companyId, CompanyId = companyId, IsCompany = true, KnownSince = at, DueFrom = at, DueAt = at };
            db.ContactStats.Add(row);
        }

        return row;
    }
}
