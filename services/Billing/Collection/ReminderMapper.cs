using CrmPlatform.Billing.Behaviour;
using CrmPlatform.Billing.Data;
using CrmPlatform.GrpcConventions;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Collection;

internal static class ReminderMapper
{
    public static Proto.DueReminder ToProto(this ReminderDecision decision, Invoice invoice) => new()
    {
        InvoiceId = invoice.Id.ToString(),
        CompanyId = invoice.CompanyId.ToString(),
        InvoiceNumber = invoice.Number,
        Level = decision.Level!.Level,
        Kind = decision.Level.Kind == CollectionEventKind.Letter ? Proto.CollectionEffortKind.Letter : Proto.CollectionEffortKind.Reminder,
        Label = decision.Level.Label,
        OpenAmount = decision.OpenBalance.Amount.ToMoney(decision.OpenBalance.Currency),
        DueDate = invoice.DueDate.ToDate(),
        DaysOverdue = decision.DaysPastDue,
        Reason = decision.Reason,
    };
}
