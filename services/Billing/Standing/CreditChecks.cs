using CrmPlatform.Billing.Behaviour;
using CrmPlatform.Billing.Data;
using CrmPlatform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Billing.Standing;

/// <summary>A credit check from the stored standing (grade, limit) and what the company owes now: a few indexed reads.</summary>
public sealed class CreditChecks(BillingDbContext db, ITenantContextAccessor tenants, TimeProvider clock)
{
    public Guid? Actor => tenants.Tenant?.MemberId;

    public async Task<(CreditCheckResult Result, PaymentGrade Grade)> Check(Guid companyId, CurrencyAmount amount, CancellationToken cancellationToken)
    {
        var policy = (await db.LoadCreditPolicy(cancellationToken)).ToBehaviour();
        var standing = await db.Standings.AsNoTracking().FirstOrDefaultAsync(s => s.CompanyId == companyId, cancellationToken);
        var exposures = await Exposures.Load(db, companyId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), cancellationToken);
        var grade = Policies.GradeOf(standing?.Grade).ToBehaviour();
        CurrencyAmount? limit = standing is { CreditLimit: { } value, CreditLimitCurrencyCode: { } currency } ? new CurrencyAmount(value, currency) : null;
        return (CreditChecker.CheckCredit(limit, exposures.Items, amount, grade, policy), grade);
    }
}
