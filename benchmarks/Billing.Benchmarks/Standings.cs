using System.Diagnostics;
using CrmPlatform.Contracts.Billing.V1;
using Npgsql;

namespace CrmPlatform.Benchmarks.Billing;

/// <summary>
/// Companies' standings (score, grade, credit hold, the first grade change and its event) made by
/// the service itself: setting a credit limit recomputes the company's standing in its transaction
/// (services/Billing/Standing/StandingWriter.cs), as a payment or an import would.
/// </summary>
public static class Standings
{
    /// <summary>A limit for every company, <paramref name="parallel"/> calls at a time; the wall time.</summary>
    public static async Task<TimeSpan> SetCreditLimits(
        PaymentBehaviourService.PaymentBehaviourServiceClient client, IEnumerable<(Guid CompanyId, decimal Limit, string Currency)> limits, int parallel)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(limits, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (limit, cancellationToken) =>
            await client.SetCreditLimitAsync(
                new SetCreditLimitRequest { CompanyId = limit.CompanyId.ToString(), Limit = limit.Limit.ToMoney(limit.Currency) },
                cancellationToken: cancellationToken));
        return clock.Elapsed;
    }

    /// <summary>How many companies have each grade (blank: not enough history), and how many are on credit hold.</summary>
    public static async Task<string> Describe(string superuser, Guid tenantId)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT coalesce(grade, 'not enough history'), count(*), count(*) FILTER (WHERE on_credit_hold)
            FROM company_standings WHERE tenant_id = $1 GROUP BY 1 ORDER BY 1
            """,
            connection);
        command.Parameters.AddWithValue(tenantId);
        var (grades, held) = (new List<string>(), 0L);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            grades.Add($"{reader.GetString(0)} {reader.GetInt64(1):N0}");
            held += reader.GetInt64(2);
        }

        return $"grades {string.Join(", ", grades)}; {held:N0} on credit hold";
    }

    /// <summary>Waits until Billing's relay has published every event (the grade changes above), so their delivery runs under no measurement.</summary>
    public static async Task WaitForOutbox(string superuser, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox_messages", connection);
        while ((long)(await count.ExecuteScalarAsync())! > 0)
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Billing's outbox still holds events after {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
