using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CrmPlatform.Billing.Data;

internal sealed class OverdueAlarmConfiguration : IEntityTypeConfiguration<OverdueAlarm>
{
    public void Configure(EntityTypeBuilder<OverdueAlarm> alarm)
    {
        alarm.ToTable("overdue_alarms");
        alarm.HasKey(a => a.Tenant);
        alarm.Property(a => a.Tenant).ValueGeneratedNever();
    }
}
