using CrmPlatform.Contracts.Billing.V1;
using Npgsql;

namespace CrmPlatform.Benchmarks.Billing;

/// <summary>
/// From recording a payment until a read shows it: the payment behaviour (computed at the read)
/// with the company's exposure down by the payment and one more invoice settled, and the standing
/// a credit check reads (stored in the payment's transaction) with the same grade.
/// </summary>
public static class PaymentVisibility
{
    /// <summary>Gives up on a payment no read has shown after this long.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public sealed record Target(Guid CompanyId, Guid InvoiceId, string Currency, decimal Open);

    public sealed record Result(Latency Delays, int ShownAtFirstRead, int NeverShown);

    /// <summary>Companies with something owed, each with its invoice due first, picked at random.</summary>
    public static async Task<List<Target>> Targets(string superuser, Guid tenantId, int count, int seed)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT DISTINCT ON (company_id) company_id, id, currency_code, amount - paid_amount - credited_amount - written_off_amount
            FROM invoices WHERE tenant_id = $1 AND status IN ('Open', 'PartiallyPaid', 'Overdue')
            ORDER BY company_id, due_date, id
            """,
            connection);
        command.Parameters.AddWithValue(tenantId);
        var targets = new List<Target>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            targets.Add(new Target(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetDecimal(3)));
        }

        var random = new Random(seed);
        return [.. targets.OrderBy(_ => random.Next()).Take(count)];
    }

    /// <summary>Pays each target's invoice in full, today, then reads until both the behaviour and the credit check show it.</summary>
    public static async Task<Result> Measure(
        BillingService.BillingServiceClient billing, PaymentBehaviourService.PaymentBehaviourServiceClient behaviour, IReadOnlyList<Target> targets)
    {
        var before = new List<PaymentBehaviour>();
        foreach (var target in targets)
        {
            before.Add(await behaviour.GetPaymentBehaviourAsync(new GetPaymentBehaviourRequest { CompanyId = target.CompanyId.ToString() }));
        }

        var (firstRead, never) = (0, 0);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var delays = await Latency.Measure(targets.Count, async i =>
        {
            var (target, companyId) = (targets[i], targets[i].CompanyId.ToString());
            await billing.RecordPaymentAsync(new RecordPaymentRequest
            {
                Payment = new Payment
                {
                    CompanyId = companyId,
                    Amount = target.Open.ToMoney(target.Currency),
                    ReceivedDate = today.ToDate(),
                    Method = PaymentMethod.BankTransfer,
                    Reference = $"benchmark {i}",
                    Allocations = { new PaymentAllocation { InvoiceId = target.InvoiceId.ToString(), Amount = target.Open.ToMoney(target.Currency) } },
                },
            });
            var expectedOpen = OpenIn(before[i], target.Currency) - target.Open;
            var giveUp = DateTime.UtcNow + Patience;
            for (var reads = 1; ; reads++)
            {
                var now = await behaviour.GetPaymentBehaviourAsync(new GetPaymentBehaviourRequest { CompanyId = companyId });
                var check = await behaviour.CheckCreditAsync(new CheckCreditRequest { CompanyId = companyId, Amount = 1m.ToMoney(target.Currency) });
                if (OpenIn(now, target.Currency) == expectedOpen && now.SettledInvoiceCount == before[i].SettledInvoiceCount + 1 && check.Grade == now.Grade)
                {
                    firstRead += reads == 1 ? 1 : 0;
                    return;
                }

                if (DateTime.UtcNow > giveUp)
                {
                    never++;
                    return;
                }
            }
        });
        return new Result(delays, firstRead, never);
    }

    private static decimal OpenIn(PaymentBehaviour behaviour, string currency) =>
        behaviour.Exposure.FirstOrDefault(e => e.CurrencyCode == currency)?.Open.ToDecimal() ?? 0;
}
