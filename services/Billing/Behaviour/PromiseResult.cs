namespace CrmPlatform.Billing.Behaviour;

/// <summary>Whether a promise to pay was kept, decided from the payments once its date (and grace) passed.</summary>
public enum PromiseResult
{
    /// <summary>Its date, with the grace days, has not passed yet.</summary>
    Pending,
    Kept,
    Broken,

    /// <summary>It names no invoice (or one not given), so no payment can be matched to it; never counted.</summary>
    CannotBeChecked,
}
