using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.IntegrationTests.Support;
using Npgsql;

namespace CrmPlatform.IntegrationTests;

/// <summary>The watcher that wakes when a due date passes.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BillingOverdueTests(PlatformFixture platform)
{
    [Fact]
    public async Task AnInvoiceWhoseDueDateHasPassed_IsAnnouncedOverdue_WithoutWaitingForABatch()
    {
        using var books = await Books.Open(platform);

        var invoice = await books.Invoice(100, issuedDaysAgo: 40, netDays: 30);

        Assert.Equal(InvoiceStatus.Overdue, invoice.Status);
        await Eventually.True(() => Announced(Guid.Parse(invoice.Id)), "the watcher to announce the invoice overdue");
    }

    private async Task<bool> Announced(Guid invoiceId)
    {
        await using var connection = new NpgsqlConnection(platform.SuperuserConnectionString("billing"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT overdue_announced FROM invoices WHERE id = $1", connection);
        command.Parameters.AddWithValue(invoiceId);
        return await command.ExecuteScalarAsync() is true;
    }
}
