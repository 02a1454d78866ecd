namespace CrmPlatform.Billing.Behaviour;

/// <summary>How a grade moved over a period; NoHistory when either end of it had no grade (A–E) to compare.</summary>
public enum TrendDirection
{
    NoHistory,
    Improving,
    Steady,
    Worsening,
}
