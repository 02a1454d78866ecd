namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// The part of one payment allocated to one invoice, on the day the money was received.
/// A reversed (bounced) payment is left out by the caller: money that came back never paid anything.
/// </summary>
public sealed record AllocatedPayment(Guid PaymentId, DateOnly ReceivedOn, decimal Amount);
