namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// The grade's fixed rules. Points = score − penalties; a penalty is its count over the last
/// 24 months × points each, at most <see cref="MaximumPenaltyPerFactor"/> per factor, so one long
/// collection story cannot outweigh everything else. The grade bands follow PAYDEX's anchors:
/// A ≥ 80 (on time or early), B 70–79 (up to 15 days late), C 50–69 (up to 30), D 30–49 (up to 90),
/// E below 30.
/// </summary>
public static class GradeRules
{
    public const int MinimumSettledInvoices = 3;

    public const decimal MaximumPenaltyPerFactor = 20m;

    public static IReadOnlyList<GradeFactorKind> Penalties { get; } =
    [
        GradeFactorKind.RemindersBeyondFirst, GradeFactorKind.Calls, GradeFactorKind.Letters,
        GradeFactorKind.BrokenPromises, GradeFactorKind.DiscountDemands, GradeFactorKind.ShortPayments,
        GradeFactorKind.Disputes, GradeFactorKind.AgencyHandovers, GradeFactorKind.WriteOffs,
    ];

    public static decimal PointsEach(GradeFactorKind kind) => kind switch
    {
        GradeFactorKind.PaymentScore => 1m,
        GradeFactorKind.RemindersBeyondFirst or GradeFactorKind.Calls => 1m,
        GradeFactorKind.Letters or GradeFactorKind.ShortPayments or GradeFactorKind.Disputes => 2m,
        GradeFactorKind.DiscountDemands => 3m,
        GradeFactorKind.BrokenPromises => 5m,
        GradeFactorKind.AgencyHandovers => 10m,
        GradeFactorKind.WriteOffs => 15m,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a grade factor"),
    };

    public static string NameOf(GradeFactorKind kind) => kind switch
    {
        GradeFactorKind.PaymentScore => "Payment score",
        GradeFactorKind.RemindersBeyondFirst => "Reminders past the first level",
        GradeFactorKind.Calls => "Collection calls",
        GradeFactorKind.Letters => "Collection letters",
        GradeFactorKind.BrokenPromises => "Broken promises to pay",
        GradeFactorKind.DiscountDemands => "Discounts demanded",
        GradeFactorKind.ShortPayments => "Short payments (discount taken after it expired)",
        GradeFactorKind.Disputes => "Disputes opened",
        GradeFactorKind.AgencyHandovers => "Hand-overs to a collection agency",
        GradeFactorKind.WriteOffs => "Invoices written off",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a grade factor"),
    };

    public static PaymentGrade GradeFor(decimal points) =>
        points >= 80m ? PaymentGrade.A
        : points >= 70m ? PaymentGrade.B
        : points >= 50m ? PaymentGrade.C
        : points >= 30m ? PaymentGrade.D
        : PaymentGrade.E;

    /// <summary>"A is 80 or more", "C is 50–69": the band, for summaries.</summary>
    public static string BandOf(PaymentGrade grade) => grade switch
    {
        PaymentGrade.A => "A is 80 or more",
        PaymentGrade.B => "B is 70 to under 80",
        PaymentGrade.C => "C is 50 to under 70",
        PaymentGrade.D => "D is 30 to under 50",
        PaymentGrade.E => "E is under 30",
        _ => "no grade without enough history",
    };
}
