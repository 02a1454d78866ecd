using CrmPlatform.Billing.Collection;
using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.GrpcConventions;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Tests;

/// <summary>A collection effort's bad input on its own.</summary>
public sealed class EffortValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly string InvoiceId = Guid.CreateVersion7().ToString();

    private static List<string> Fields(Proto.CollectionEffort effort)
    {
        var violations = new FieldViolations();
        EffortValidator.Validate(effort, Today, violations);
        return [.. violations.ToList().Select(v => v.Field).Order()];
    }

    [Fact]
    public void ACallAboutACompany_IsValid_OnTodayByDefault()
    {
        var violations = new FieldViolations();
        var effort = new Proto.CollectionEffort { CompanyId = Guid.CreateVersion7().ToString(), Kind = Proto.CollectionEffortKind.Call };

        var checkedEffort = EffortValidator.Validate(effort, Today, violations);

        Assert.Equal((true, Today), (violations.IsEmpty, checkedEffort.On));
    }

    [Fact]
    public void APromiseWithoutDateOrAmount_IsAViolationOfBoth() =>
        Assert.Equal(["effort.promised_amount", "effort.promised_date"], Fields(new Proto.CollectionEffort { InvoiceId = InvoiceId, Kind = Proto.CollectionEffortKind.PromiseToPay }));

    [Fact]
    public void APromiseForADayBeforeItWasMade_IsAViolationOfThePromisedDate() =>
        Assert.Equal(["effort.promised_date"], Fields(new Proto.CollectionEffort
        {
            InvoiceId = InvoiceId,
            Kind = Proto.CollectionEffortKind.PromiseToPay,
            PromisedDate = new Date { Year = 2026, Month = 11, Day = 1 },
            PromisedAmount = new Money { CurrencyCode = "EUR", Units = 10 },
        }));

    [Fact]
    public void AWriteOffWithoutAnInvoice_IsAViolationOfTheInvoice() =>
        Assert.Equal(["effort.invoice_id"], Fields(new Proto.CollectionEffort { CompanyId = Guid.CreateVersion7().ToString(), Kind = Proto.CollectionEffortKind.WriteOff }));

    [Fact]
    public void ALevelOnACall_IsAViolationOfTheLevel() =>
        Assert.Equal(["effort.level"], Fields(new Proto.CollectionEffort { InvoiceId = InvoiceId, Kind = Proto.CollectionEffortKind.Call, Level = 2 }));

    [Fact]
    public void AnEffortInTheFuture_IsAViolationOfItsDate() =>
        Assert.Equal(["effort.effort_date"], Fields(new Proto.CollectionEffort { InvoiceId = InvoiceId, Kind = Proto.CollectionEffortKind.Call, EffortDate = new Date { Year = 2026, Month = 12, Day = 1 } }));

    [Fact]
    public void NoKindAndNoSubject_AreBothNamed() =>
        Assert.Equal(["effort.company_id", "effort.kind"], Fields(new Proto.CollectionEffort()));
}
