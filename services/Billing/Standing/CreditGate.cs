using CrmPlatform.Billing.Behaviour;
using CrmPlatform.Billing.Data;
using CrmPlatform.GrpcConventions;
using Google.Protobuf;

namespace CrmPlatform.Billing.Standing;

/// <summary>
/// What issuing an invoice meets, from a credit check of its amount before it counts: a hold
/// refuses it unless someone approves an override (recorded with who and why); a warning lets it
/// through and is kept on the invoice.
/// </summary>
public sealed class CreditGate(CreditChecks checks, TimeProvider clock)
{
    public async Task Admit(Invoice invoice, string overrideReason, Guid? approver, CancellationToken cancellationToken)
    {
        var (result, grade) = await checks.Check(invoice.CompanyId, new CurrencyAmount(invoice.Amount, invoice.CurrencyCode), cancellationToken);
        if (result.Verdict == CreditVerdict.Allow)
        {
            return;
        }

        var overridden = overrideReason.Trim().Length > 0;
        if (result.Verdict == CreditVerdict.Hold && !overridden)
        {
            throw new PreconditionFailedException(
                $"Credit hold: {string.Join("; ", result.Reasons)}. Issue it with credit_override_reason to approve it anyway.");
        }

        invoice.CreditOverrideCheckJson = JsonFormatter.Default.Format(BehaviourMapper.ToProto(result, grade));
        if (overridden)
        {
            invoice.CreditOverrideBy = approver;
            invoice.CreditOverrideReason = overrideReason.Trim();
            invoice.CreditOverrideAt = clock.GetUtcNow();
        }
    }
}
