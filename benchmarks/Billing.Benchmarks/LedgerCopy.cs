using Npgsql;
using NpgsqlTypes;

namespace CrmPlatform.Benchmarks.Billing;

/// <summary>
/// Invoices, payments and their allocations written by binary COPY straight into Billing's tables,
/// in one transaction. The columns and stored forms are those of services/Billing/Data (enums as
/// their names, money as numeric, an invoice without lines as an empty JSON array, as
/// Import/InvoiceCopy.cs writes it); nothing else is written: no events, no standings, no alarms.
/// </summary>
public static class LedgerCopy
{
    private static readonly CopyColumn<(Guid Tenant, DateTimeOffset Now, LedgerInvoice Row)>[] InvoiceColumns =
    [
        new("tenant_id", NpgsqlDbType.Uuid, x => x.Tenant),
        new("id", NpgsqlDbType.Uuid, x => x.Row.Id),
        new("company_id", NpgsqlDbType.Uuid, x => x.Row.CompanyId),
        new("number", NpgsqlDbType.Varchar, x => x.Row.Number),
        new("external_id", NpgsqlDbType.Varchar, x => x.Row.ExternalId),
        new("currency_code", NpgsqlDbType.Char, x => x.Row.Currency),
        new("amount", NpgsqlDbType.Numeric, x => x.Row.Amount),
        new("lines", NpgsqlDbType.Jsonb, _ => "[]"),
        new("issue_date", NpgsqlDbType.Date, x => x.Row.IssueDate),
        new("due_date", NpgsqlDbType.Date, x => x.Row.DueDate),
        new("net_days", NpgsqlDbType.Integer, x => x.Row.NetDays),
        new("status", NpgsqlDbType.Varchar, x => x.Row.Status),
        new("paid_amount", NpgsqlDbType.Numeric, x => x.Row.PaidAmount),
        new("settled_on", NpgsqlDbType.Date, x => x.Row.SettledOn),
        new("overdue_announced", NpgsqlDbType.Boolean, x => x.Row.OverdueAnnounced),
        new("created_at", NpgsqlDbType.TimestampTz, x => x.Now),
        new("issued_at", NpgsqlDbType.TimestampTz, x => x.Now),
    ];

    private static readonly CopyColumn<(Guid Tenant, DateTimeOffset Now, LedgerPayment Row)>[] PaymentColumns =
    [
        new("tenant_id", NpgsqlDbType.Uuid, x => x.Tenant),
        new("id", NpgsqlDbType.Uuid, x => x.Row.Id),
        new("company_id", NpgsqlDbType.Uuid, x => x.Row.CompanyId),
        new("external_id", NpgsqlDbType.Varchar, x => x.Row.ExternalId),
        new("currency_code", NpgsqlDbType.Char, x => x.Row.Currency),
        new("amount", NpgsqlDbType.Numeric, x => x.Row.Amount),
        new("unallocated_amount", NpgsqlDbType.Numeric, _ => 0m),
        new("received_on", NpgsqlDbType.Date, x => x.Row.ReceivedOn),
        new("method", NpgsqlDbType.Varchar, _ => "BankTransfer"),
        new("reference", NpgsqlDbType.Varchar, x => x.Row.Reference),
        new("created_at", NpgsqlDbType.TimestampTz, x => x.Now),
    ];

    private static readonly CopyColumn<(Guid Tenant, DateTimeOffset Now, LedgerPayment Row)>[] AllocationColumns =
    [
        new("tenant_id", NpgsqlDbType.Uuid, x => x.Tenant),
        new("payment_id", NpgsqlDbType.Uuid, x => x.Row.Id),
        new("invoice_id", NpgsqlDbType.Uuid, x => x.Row.InvoiceId),
        new("amount", NpgsqlDbType.Numeric, x => x.Row.Amount),
    ];

    public static async Task Write(string superuser, Guid tenantId, LedgerChunk chunk)
    {
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var now = DateTimeOffset.UtcNow;
        await BinaryCopy.Write(connection, "invoices", InvoiceColumns, chunk.Invoices.Select(i => (tenantId, now, i)));
        var payments = chunk.Payments.Select(p => (tenantId, now, p)).ToList();
        await BinaryCopy.Write(connection, "payments", PaymentColumns, payments);
        await BinaryCopy.Write(connection, "payment_allocations", AllocationColumns, payments);
        await transaction.CommitAsync();
    }
}
