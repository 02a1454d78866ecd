using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Profiles.Data;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> record)
    {
        record.ToTable("idempotency_records");
        record.HasKey(r => new { r.TenantId, r.Operation, r.Key });
        record.Property(r => r.Operation).HasMaxLength(60);
        record.Property(r => r.Key).HasMaxLength(100);
    }
}
