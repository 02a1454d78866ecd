using CrmPlatform.KnownCompanies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CrmPlatform.Interactions.Data;

internal sealed class InteractionConfiguration : IEntityTypeConfiguration<Interaction>
{
    /// <summary>
    /// The language-neutral 'simple' configuration: tenants write in many languages and name
    /// people and products that no stemmer knows; a word matches as written, in any case.
    /// </summary>
    public const string TextSearchConfiguration = "simple";

    public void Configure(EntityTypeBuilder<Interaction> interaction)
    {
        interaction.ToTable("interactions");
        interaction.HasKey(i => new { i.TenantId, i.Id });
        interaction.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        interaction.Property(i => i.Channel).HasConversion<string>().HasMaxLength(20);
        interaction.Property(i => i.Direction).HasConversion<string>().HasMaxLength(10);
        interaction.Property(i => i.Visibility).HasConversion<string>().HasMaxLength(20);
        interaction.Property(i => i.Subject).HasMaxLength(Interaction.MaxSubjectLength);
        interaction.Property(i => i.Body).HasMaxLength(Interaction.MaxBodyLength);
        interaction.Property(i => i.Team).HasMaxLength(40);
        interaction.Property(i => i.DetailsJson).HasColumnType("jsonb");
        interaction.Property(i => i.SourceSystem).HasMaxLength(100);
        interaction.Property(i => i.CampaignId).HasMaxLength(200);
        interaction.Property(i => i.SourceEventId).HasMaxLength(300);
        interaction.Property<NpgsqlTsVector>("Search")
            .HasComputedColumnSql(
                $"setweight(to_tsvector('{TextSearchConfiguration}', coalesce(subject, '')), 'A') || " +
                $"setweight(to_tsvector('{TextSearchConfiguration}', coalesce(body, '')), 'B')",
                stored: true);

        interaction.HasOne<KnownCompany>()
            .WithMany()
            .HasForeignKey(i => new { i.TenantId, i.CompanyId })
            .HasPrincipalKey(c => new { c.TenantId, c.CompanyId })
            .OnDelete(DeleteBehavior.Restrict);

        // A company's timeline, newest first.
        interaction.HasIndex(i => new { i.TenantId, i.CompanyId, i.OccurredAt, i.Id });
        // One item per source event, however many mailboxes it was synced from.
        interaction.HasIndex(i => new { i.TenantId, i.SourceSystem, i.SourceEventId })
            .IsUnique()
            .HasFilter("source_event_id IS NOT NULL");
        interaction.HasIndex("Search").HasMethod("GIN");
    }
}

internal sealed class InteractionSubjectConfiguration : IEntityTypeConfiguration<InteractionSubject>
{
    public void Configure(EntityTypeBuilder<InteractionSubject> subject)
    {
        subject.ToTable("interaction_subjects");
        subject.HasKey(s => new { s.TenantId, s.SubjectId, s.InteractionId });
        subject.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        subject.Property(s => s.Channel).HasConversion<string>().HasMaxLength(20);
        subject.Property(s => s.Direction).HasConversion<string>().HasMaxLength(10);
        subject.Property(s => s.CampaignId).HasMaxLength(200);

        // A person's timeline, and every subject's statistics, newest first.
        subject.HasIndex(s => new { s.TenantId, s.SubjectId, s.OccurredAt, s.InteractionId });
        subject.HasIndex(s => new { s.TenantId, s.InteractionId });
        // First and last contact per channel and direction: two index probes each, however long the history.
        subject.HasIndex(s => new { s.TenantId, s.SubjectId, s.Channel, s.Direction, s.OccurredAt });
        // Who of a company was reached this week.
        subject.HasIndex(s => new { s.TenantId, s.CompanyId, s.OccurredAt });
        // The latest newsletters sent to someone, and their opens and clicks: few among all contacts.
        subject.HasIndex(s => new { s.TenantId, s.SubjectId, s.OccurredAt })
            .HasDatabaseName("ix_interaction_subjects_newsletters")
            .HasFilter("kind IN ('NewsletterSend', 'NewsletterOpen', 'NewsletterClick')");
    }
}

internal sealed class InteractionVersionConfiguration : IEntityTypeConfiguration<InteractionVersion>
{
    public void Configure(EntityTypeBuilder<InteractionVersion> version)
    {
        version.ToTable("interaction_versions");
        version.HasKey(v => new { v.TenantId, v.InteractionId, v.Version });
        version.Property(v => v.SnapshotJson).HasColumnType("jsonb");
    }
}

internal sealed class ContactStatsConfiguration : IEntityTypeConfiguration<ContactStatsRow>
{
    public void Configure(EntityTypeBuilder<ContactStatsRow> stats)
    {
        stats.ToTable("contact_stats");
        stats.HasKey(s => new { s.TenantId, s.SubjectId });
        stats.Property(s => s.AccountOwner).HasMaxLength(200);
        stats.Property(s => s.StatsJson).HasColumnType("jsonb");
        stats.Property(s => s.Verdict).HasMaxLength(20);

        // The neglected list: longest overdue first.
        stats.HasIndex(s => new { s.TenantId, s.IsCompany, s.DueAt });
        stats.HasIndex(s => new { s.TenantId, s.IsCompany, s.OverContactedUntil });
        stats.HasIndex(s => new { s.TenantId, s.CompanyId });

        // The verdict watcher's: subjects on target that time will make neglected, and
        // over-contacted ones whose window will empty, each by the moment it happens.
        stats.HasIndex(s => new { s.TenantId, s.DueAt }, "ix_contact_stats_neglect_due")
            .HasFilter("verdict IS NULL OR verdict = 'OnTarget'");
        stats.HasIndex(s => new { s.TenantId, s.OverContactedUntil }, "ix_contact_stats_over_contacted_lapse")
            .HasFilter("verdict = 'OverContacted'");
    }
}

internal sealed class VerdictAlarmConfiguration : IEntityTypeConfiguration<VerdictAlarm>
{
    public void Configure(EntityTypeBuilder<VerdictAlarm> alarm)
    {
        alarm.ToTable("verdict_alarms");
        alarm.HasKey(a => a.Tenant);
        alarm.Property(a => a.Tenant).ValueGeneratedNever();
    }
}

internal sealed class ContactPolicyConfiguration : IEntityTypeConfiguration<ContactPolicyRow>
{
    public void Configure(EntityTypeBuilder<ContactPolicyRow> policy)
    {
        policy.ToTable("contact_policies");
        policy.HasKey(p => p.TenantId);
        policy.Property(p => p.TenantId).ValueGeneratedNever();
        policy.Property(p => p.PolicyJson).HasColumnType("jsonb");
    }
}

internal sealed class KnownMemberConfiguration : IEntityTypeConfiguration<KnownMember>
{
    public void Configure(EntityTypeBuilder<KnownMember> member)
    {
        member.ToTable("known_members");
        member.HasKey(m => new { m.TenantId, m.MemberId });
        member.Property(m => m.Name).HasMaxLength(200);
        member.Property(m => m.Email).HasMaxLength(320);
    }
}
