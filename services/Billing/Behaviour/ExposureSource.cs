namespace CrmPlatform.Billing.Behaviour;

/// <summary>Where a part of a company's exposure comes from.</summary>
public enum ExposureSource
{
    /// <summary>What is still open on an issued invoice.</summary>
    OpenInvoice,

    /// <summary>A draft invoice; counted only when the tenant's policy says so.</summary>
    DraftInvoice,

    /// <summary>Money the company paid beyond its invoices, kept as its credit: lowers the exposure.</summary>
    UnusedCredit,
}
