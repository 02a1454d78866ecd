namespace CrmPlatform.Billing.Behaviour;

/// <summary>One part of a company's exposure, as a positive amount; the invoice when it is one.</summary>
public sealed record ExposureItem(ExposureSource Source, CurrencyAmount Amount, InvoiceRef? Invoice = null);
