using CrmPlatform.EventContracts.Platform.V1;
using CrmPlatform.Interactions.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Interactions.Members;

/// <summary>Keeps the tenant's members as the gateway announces them; an announcement older than the row is dropped.</summary>
public sealed class MemberChangedConsumer(InteractionsDbContext db) : IConsumer<MemberChanged>
{
    public async Task Consume(ConsumeContext<MemberChanged> context)
    {
        var changed = context.Message;
        var member = await db.KnownMembers.FirstOrDefaultAsync(m => m.MemberId == changed.MemberId, context.CancellationToken);
        if (member is null)
        {
            db.KnownMembers.Add(member = new KnownMember { MemberId = changed.MemberId, Name = changed.Name, Email = changed.Email });
        }
        else if (member.AnnouncedAt > changed.OccurredAt)
        {
            return;
        }

        member.Name = changed.Name;
        member.Email = changed.Email;
        member.Teams = [.. changed.Teams];
        member.RemovedAt = changed.RemovedAt;
        member.AnnouncedAt = changed.OccurredAt;
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
