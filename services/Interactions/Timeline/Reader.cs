using System.Linq.Expressions;
using CrmPlatform.Interactions.Data;
using CrmPlatform.Tenancy;

namespace CrmPlatform.Interactions.Timeline;

/// <summary>
/// Who is reading: the member a call acts as (none for an integration acting as no one) and
/// their teams. Every read of items goes through <see cref="CanSee"/>; what a reader may see of
/// an item they can see is <see cref="SeesWhole"/>.
/// </summary>
internal sealed record Reader(Guid? MemberId, IReadOnlyList<string> Teams)
{
    public static Reader Of(TenantInfo? tenant) => new(tenant?.MemberId, tenant?.Teams ?? []);

    /// <summary>Shared and subject-only items to everyone; team items to the team; private ones to their author and owners.</summary>
    public Expression<Func<Interaction, bool>> CanSee
    {
        get
        {
            var teams = Teams.ToList();
            if (MemberId is not { } member)
            {
                return i => i.Visibility == Visibility.Everyone || i.Visibility == Visibility.SubjectOnly;
            }

            return i => i.Visibility == Visibility.Everyone
                || i.Visibility == Visibility.SubjectOnly
                || i.AuthorId == member
                || i.OwnerIds.Contains(member)
                || (i.Visibility == Visibility.Team && teams.Contains(i.Team!));
        }
    }

    /// <summary><see cref="CanSee"/> for an item in hand.</summary>
    public bool Sees(Interaction i) =>
        i.Visibility is Visibility.Everyone or Visibility.SubjectOnly
        || IsAuthorOrOwner(i)
        || (i.Visibility == Visibility.Team && MemberId is not null && i.Team is not null && Teams.Contains(i.Team));

    /// <summary>Everything but a subject-only item of someone else, whose body and details are withheld.</summary>
    public bool SeesWhole(Interaction i) =>
        i.Visibility != Visibility.SubjectOnly || IsAuthorOrOwner(i);

    public bool IsAuthorOrOwner(Interaction i) =>
        MemberId is { } member && (i.AuthorId == member || i.OwnerIds.Contains(member));
}
