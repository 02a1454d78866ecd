namespace CrmPlatform.Billing.Behaviour;

/// <summary>
/// Every problem with a dunning policy at once, with field paths as the API names them
/// ("levels[1].days_after_due"): 1 to 10 levels numbered 1, 2, 3… in order, each later than the
/// one before, within a year either side of the due date, labelled, sent as a reminder or a letter;
/// quiet days after a payment 0–60.
/// </summary>
public static class ReminderPolicyValidator
{
    public const int MaxLevels = 10;
    public const int MaxDaysFromDue = 365;
    public const int MaxLabelLength = 100;
    public const int MaxQuietDaysAfterPayment = 60;

    public static IReadOnlyList<PolicyViolation> Validate(ReminderPolicy policy)
    {
        List<PolicyViolation> violations = [];
        var levels = policy.Levels ?? [];
        if (levels.Count == 0)
        {
            violations.Add(new("levels", "must have at least one level"));
        }
        else if (levels.Count > MaxLevels)
        {
            violations.Add(new("levels", $"must have at most {MaxLevels} levels"));
        }

        ReminderLevel? previous = null;
        for (var i = 0; i < levels.Count; i++)
        {
            var path = $"levels[{i}]";
            var level = levels[i];
            if (level is null)
            {
                violations.Add(new(path, "is required"));
                continue;
            }

            if (level.Level != i + 1)
            {
                violations.Add(new($"{path}.level", $"must be {i + 1}: levels are numbered 1, 2, 3… in order"));
            }

            if (level.DaysAfterDue is < -MaxDaysFromDue or > MaxDaysFromDue)
            {
                violations.Add(new($"{path}.days_after_due", $"must be between {-MaxDaysFromDue} and {MaxDaysFromDue}"));
            }
            else if (previous is not null && level.DaysAfterDue <= previous.DaysAfterDue)
            {
                violations.Add(new($"{path}.days_after_due", $"must be after the previous level's ({previous.DaysAfterDue})"));
            }

            if (string.IsNullOrWhiteSpace(level.Label))
            {
                violations.Add(new($"{path}.label", "is required"));
            }
            else if (level.Label.Length > MaxLabelLength)
            {
                violations.Add(new($"{path}.label", $"must be at most {MaxLabelLength} characters"));
            }

            if (level.Kind is not (CollectionEventKind.Reminder or CollectionEventKind.Letter))
            {
                violations.Add(new($"{path}.kind", "must be a reminder or a letter"));
            }

            previous = level;
        }

        if (policy.QuietDaysAfterPayment is < 0 or > MaxQuietDaysAfterPayment)
        {
            violations.Add(new("quiet_days_after_payment", $"must be between 0 and {MaxQuietDaysAfterPayment}"));
        }

        return violations;
    }
}
