namespace CrmPlatform.Billing.Behaviour;

/// <summary>The grade Months ago (From) against the grade now (To), and which way that is.</summary>
public sealed record GradeTrend(int Months, PaymentGrade From, PaymentGrade To, TrendDirection Direction);
