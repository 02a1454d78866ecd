namespace CrmPlatform.Billing.Behaviour;

/// <summary>"2 % within 10 days": the percent off when paid within that many days of the issue date.</summary>
public sealed record EarlyPaymentDiscount(decimal Percent, int WithinDays);
