using System.Globalization;
using CrmPlatform.Billing.Behaviour;
using CrmPlatform.Billing.Data;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Standing;

/// <summary>
/// The tenant's dunning and credit policies, stored as the contract's JSON and handed to the
/// behaviour logic as its records; a tenant that set none has the logic's defaults.
/// </summary>
public static class Policies
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static async Task<Proto.CreditPolicy> LoadCreditPolicy(this BillingDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.Policies.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (row?.CreditJson is not { } json)
        {
            return ToProto(TermsPolicyDefaults.Policy);
        }

        var policy = Parser.Parse<Proto.CreditPolicy>(json);
        policy.UpdateTime = Timestamp.FromDateTimeOffset(row.UpdatedAt);
        return policy;
    }

    public static async Task<Proto.DunningPolicy> LoadDunningPolicy(this BillingDbContext db, CancellationToken cancellationToken)
    {
        var row = await db.Policies.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        if (row?.DunningJson is not { } json)
        {
            return ToProto(ReminderPolicyDefaults.Policy);
        }

        var policy = Parser.Parse<Proto.DunningPolicy>(json);
        policy.UpdateTime = Timestamp.FromDateTimeOffset(row.UpdatedAt);
        return policy;
    }

    /// <summary>Stores one of the policies (the other is kept), in the caller's unit of work.</summary>
    public static async Task Save(this BillingDbContext db, IMessage policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.Policies.FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            row = new BillingPolicyRow { TenantId = db.TenantId };
            db.Policies.Add(row);
        }

        var json = JsonFormatter.Default.Format(policy);
        if (policy is Proto.CreditPolicy)
        {
            row.CreditJson = json;
        }
        else
        {
            row.DunningJson = json;
        }

        row.UpdatedAt = now;
    }

    public static TermsPolicy ToBehaviour(this Proto.CreditPolicy policy) => new()
    {
        Terms = [.. policy.Terms.Select(t => new TermsForGrade
        {
            Grade = t.Grade.ToBehaviour(),
            NetDays = t.NetDays,
            UpfrontPercent = t.UpfrontPercent,
            PrepaymentOnly = t.PrepaymentOnly,
            HoldNewWork = t.HoldNewWork,
            CreditLimitMonthsOfSales = ParseMonths(t.CreditLimitMonthsOfSales) ?? -1,
        })],
        CountDrafts = policy.CountDrafts,
        OverLimit = policy.OverLimitAction == Proto.OverLimitAction.Warn ? OverLimitResponse.Warn : OverLimitResponse.Hold,
        WarnAtPercentOfLimit = policy.WarnAtPercentOfLimit,
    };

    public static decimal? ParseMonths(string months) => months.Length == 0 ? 0
        : decimal.TryParse(months, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static Proto.CreditPolicy ToProto(TermsPolicy policy) => new()
    {
        CountDrafts = policy.CountDrafts,
        OverLimitAction = policy.OverLimit == OverLimitResponse.Warn ? Proto.OverLimitAction.Warn : Proto.OverLimitAction.Hold,
        WarnAtPercentOfLimit = policy.WarnAtPercentOfLimit,
        Terms =
        {
            policy.Terms.Select(t => new Proto.GradeTerms
            {
                Grade = t.Grade.ToProto(),
                NetDays = t.NetDays,
                UpfrontPercent = t.UpfrontPercent,
                PrepaymentOnly = t.PrepaymentOnly,
                HoldNewWork = t.HoldNewWork,
                CreditLimitMonthsOfSales = t.CreditLimitMonthsOfSales.ToString("0.##", CultureInfo.InvariantCulture),
            }),
        },
    };

    public static ReminderPolicy ToBehaviour(this Proto.DunningPolicy policy) => new(
        [.. policy.Levels.Select(l => new ReminderLevel(
            l.Level, l.DaysAfterDue, l.Label,
            l.Kind == Proto.CollectionEffortKind.Letter ? CollectionEventKind.Letter : CollectionEventKind.Reminder))],
        policy.QuietDaysAfterPayment);

    public static Proto.DunningPolicy ToProto(ReminderPolicy policy) => new()
    {
        Levels =
        {
            policy.Levels.Select(l => new Proto.DunningLevel
            {
                Level = l.Level,
                DaysAfterDue = l.DaysAfterDue,
                Label = l.Label,
                Kind = l.Kind == CollectionEventKind.Letter ? Proto.CollectionEffortKind.Letter : Proto.CollectionEffortKind.Reminder,
            }),
        },
        QuietDaysAfterPayment = policy.QuietDaysAfterPayment,
    };

    public static PaymentGrade ToBehaviour(this Proto.PaymentGrade grade) => grade switch
    {
        Proto.PaymentGrade.A => PaymentGrade.A,
        Proto.PaymentGrade.B => PaymentGrade.B,
        Proto.PaymentGrade.C => PaymentGrade.C,
        Proto.PaymentGrade.D => PaymentGrade.D,
        Proto.PaymentGrade.E => PaymentGrade.E,
        _ => PaymentGrade.NotEnoughHistory,
    };

    public static Proto.PaymentGrade ToProto(this PaymentGrade grade) => grade switch
    {
        PaymentGrade.A => Proto.PaymentGrade.A,
        PaymentGrade.B => Proto.PaymentGrade.B,
        PaymentGrade.C => Proto.PaymentGrade.C,
        PaymentGrade.D => Proto.PaymentGrade.D,
        PaymentGrade.E => Proto.PaymentGrade.E,
        _ => Proto.PaymentGrade.NotEnoughHistory,
    };

    /// <summary>A stored grade letter ("A".."E", null for not enough history) as the contract's.</summary>
    public static Proto.PaymentGrade GradeOf(string? letter) =>
        letter is { Length: 1 } && System.Enum.TryParse<PaymentGrade>(letter, out var grade) ? grade.ToProto() : Proto.PaymentGrade.NotEnoughHistory;

    public static string? Letter(this PaymentGrade grade) => grade == PaymentGrade.NotEnoughHistory ? null : grade.ToString();
}
