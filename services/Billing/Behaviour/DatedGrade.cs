namespace CrmPlatform.Billing.Behaviour;

/// <summary>A grade change: the grade the company moved to, and the day it did.</summary>
public sealed record DatedGrade(DateOnly On, PaymentGrade Grade);
