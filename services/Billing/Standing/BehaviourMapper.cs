using System.Globalization;
using CrmPlatform.Billing.Behaviour;
using CrmPlatform.Billing.Data;
using CrmPlatform.GrpcConventions;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Standing;

/// <summary>The behaviour logic's answers as the contract's messages.</summary>
internal static class BehaviourMapper
{
    public static Proto.PaymentBehaviour ToProto(Guid companyId, PaymentBehaviourReport report, Exposures exposures, CompanyStanding? standing, DateTimeOffset now)
    {
        var (assessment, terms) = (report.Assessment, report.RecommendedTerms);
        var behaviour = new Proto.PaymentBehaviour
        {
            CompanyId = companyId.ToString(),
            Score = assessment.Score.Score ?? 0,
            Grade = assessment.Grade.ToProto(),
            WeightedDaysBeyondTerms = Number(assessment.Score.WeightedDaysBeyondTerms),
            SettledInvoiceCount = assessment.SettledInvoiceCount,
            Points = Number(assessment.Points),
            Summary = assessment.Summary,
            RecommendedTerms = ToProto(terms),
            OnCreditHold = standing?.OnCreditHold ?? false,
            ComputeTime = Timestamp.FromDateTimeOffset(now),
        };
        behaviour.Factors.AddRange(assessment.Factors.Select(ToProto));
        behaviour.Aging.AddRange(report.Aging.Select(ToProto));
        behaviour.DaysSalesOutstanding.AddRange(report.DaysSalesOutstanding.Select(ToProto));
        var currencies = exposures.Currencies.ToList();
        if (standing?.CreditLimitCurrencyCode is { } limitCurrency && !currencies.Contains(limitCurrency))
        {
            currencies.Add(limitCurrency);
        }

        behaviour.Exposure.AddRange(currencies.Select(c => exposures.ToProto(c, standing)));
        behaviour.Invoices.AddRange(report.Invoices.Select(l => new Proto.InvoiceLateness
        {
            Invoice = ToProto(l.Invoice),
            CurrencyCode = l.Currency,
            DaysBeyondTerms = Number(l.DaysBeyondTerms),
        }));
        return behaviour;
    }

    public static Proto.BehaviourFactor ToProto(GradeFactor factor) => new()
    {
        Kind = factor.Kind.ToString(),
        Name = factor.Name,
        Value = Number(factor.Value),
        PointsEach = Number(factor.PointsEach),
        Points = Number(factor.Points),
        Invoices = { factor.Invoices.Select(ToProto) },
        Description = factor.Description,
    };

    public static Proto.InvoiceRef ToProto(InvoiceRef invoice) => new() { Id = invoice.Id.ToString(), Number = invoice.Number };

    public static Proto.RecommendedTerms ToProto(TermsRecommendation terms) => new()
    {
        Grade = terms.Grade.ToProto(),
        NetDays = terms.NetDays,
        UpfrontPercent = terms.UpfrontPercent,
        PrepaymentOnly = terms.PrepaymentOnly,
        HoldNewWork = terms.HoldNewWork,
        SuggestedCreditLimits = { terms.SuggestedCreditLimits.Select(l => l.Amount.ToMoney(l.Currency)) },
        Reasons = { terms.Reasons },
    };

    public static Proto.AgingBuckets ToProto(CurrencyAging aging) => new()
    {
        CurrencyCode = aging.Currency,
        Current = aging.Current.ToMoney(aging.Currency),
        Days1To30 = aging.Days1To30.ToMoney(aging.Currency),
        Days31To60 = aging.Days31To60.ToMoney(aging.Currency),
        Days61To90 = aging.Days61To90.ToMoney(aging.Currency),
        Over90Days = aging.Over90Days.ToMoney(aging.Currency),
        Total = aging.Total.ToMoney(aging.Currency),
    };

    public static Proto.SalesOutstanding ToProto(SalesOutstanding dso) => new()
    {
        CurrencyCode = dso.Currency,
        Receivables = dso.Receivables.ToMoney(dso.Currency),
        CreditSales = dso.CreditSales.ToMoney(dso.Currency),
        PeriodDays = dso.PeriodDays,
        Days = Number(dso.Days),
    };

    public static Proto.GradeChange ToProto(GradeChange change) => new()
    {
        ChangeTime = Timestamp.FromDateTimeOffset(change.ChangedAt),
        PreviousGrade = change.PreviousGrade is null && change.PreviousScore == 0 ? Proto.PaymentGrade.Unspecified : Policies.GradeOf(change.PreviousGrade),
        Grade = Policies.GradeOf(change.Grade),
        PreviousScore = change.PreviousScore,
        Score = change.Score,
        Reason = change.Reason,
    };

    public static Proto.GradeTrend ToProto(GradeTrend trend) => new()
    {
        Months = trend.Months,
        FromGrade = trend.From.ToProto(),
        ToGrade = trend.To.ToProto(),
        Direction = trend.Direction switch
        {
            TrendDirection.Improving => Proto.TrendDirection.Improving,
            TrendDirection.Steady => Proto.TrendDirection.Steady,
            TrendDirection.Worsening => Proto.TrendDirection.Worsening,
            _ => Proto.TrendDirection.NoHistory,
        },
    };

    public static Proto.CreditCheck ToProto(CreditCheckResult result, PaymentGrade grade) => new()
    {
        Decision = result.Verdict switch
        {
            CreditVerdict.Allow => Proto.CreditDecision.Allow,
            CreditVerdict.Warn => Proto.CreditDecision.Warn,
            _ => Proto.CreditDecision.Hold,
        },
        Reasons = { result.Reasons },
        Exposure = result.Exposure.Amount.ToMoney(result.Exposure.Currency),
        Limit = result.Limit is { } limit ? limit.Amount.ToMoney(limit.Currency) : null,
        Headroom = result.Headroom is { } headroom ? headroom.Amount.ToMoney(headroom.Currency) : null,
        Grade = grade.ToProto(),
    };

    public static Proto.CreditLimit ToLimit(CompanyStanding standing) => new()
    {
        CompanyId = standing.CompanyId.ToString(),
        Limit = standing.CreditLimit is { } limit ? limit.ToMoney(standing.CreditLimitCurrencyCode!) : null,
        SetBy = standing.CreditLimitSetBy?.ToString() ?? "",
        SetTime = standing.CreditLimitSetAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
    };

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
