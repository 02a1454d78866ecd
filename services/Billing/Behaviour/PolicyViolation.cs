namespace CrmPlatform.Billing.Behaviour;

/// <summary>One problem with a tenant's policy: the field path (snake_case, as the API names it) and what is wrong.</summary>
public sealed record PolicyViolation(string Field, string Message);
