using CrmPlatform.Contracts.Billing.V1;
using CrmPlatform.IntegrationTests.Support;
using Grpc.Core;

namespace CrmPlatform.IntegrationTests;

/// <summary>Collection effort and the reminders due, through the gateway.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BillingCollectionTests(PlatformFixture platform)
{
    private static async Task<List<DueReminder>> Due(Books books) =>
        [.. (await books.Tenant.Collection.ListDueRemindersAsync(new ListDueRemindersRequest { CompanyId = books.Company.Id })).Reminders];

    [Fact]
    public async Task APromiseToPay_IsAttributedToTheMemberWhoseKeyRecordedIt()
    {
        using var books = await Books.Open(platform);
        using var maria = await platform.NewMember(books.Tenant, "Maria Holm");
        var invoice = await books.Invoice(500, issuedDaysAgo: 45);

        var promise = await maria.Client.Collection.RecordCollectionEffortAsync(new RecordCollectionEffortRequest
        {
            Effort = new CollectionEffort { InvoiceId = invoice.Id, Kind = CollectionEffortKind.PromiseToPay, PromisedDate = Books.Day(7), PromisedAmount = Books.Eur(500) },
        });

        Assert.Equal((maria.Id, PromiseOutcome.Pending, books.Company.Id), (promise.RecordedBy, promise.PromiseOutcome, promise.CompanyId));
    }

    [Fact]
    public async Task AnOverdueInvoice_IsDueForAReminder_ForItsOpenBalanceOnly()
    {
        using var books = await Books.Open(platform);
        var invoice = await books.Invoice(1000, issuedDaysAgo: 45, netDays: 30);
        await books.Pay(400, 20, (invoice, 400));

        var reminder = Assert.Single(await Due(books));

        Assert.Equal((invoice.Id, 600L), (reminder.InvoiceId, reminder.OpenAmount.Units));
    }

    [Fact]
    public async Task ThePaidInvoice_IsNeverDueForAReminder()
    {
        using var books = await Books.Open(platform);
        var invoice = await books.Invoice(1000, issuedDaysAgo: 60, netDays: 30);

        await books.Pay(1000, 0, (invoice, 1000));

        Assert.Empty(await Due(books));
    }

    [Fact]
    public async Task ADisputedInvoice_IsNotRemindedUntilTheDisputeIsResolved()
    {
        using var books = await Books.Open(platform);
        var invoice = await books.Invoice(1000, issuedDaysAgo: 60, netDays: 30);

        await books.Tenant.Collection.RecordCollectionEffortAsync(new RecordCollectionEffortRequest
        {
            Effort = new CollectionEffort { InvoiceId = invoice.Id, Kind = CollectionEffortKind.DisputeOpened, Note = "Says the delivery was late" },
        });

        Assert.Equal((InvoiceStatus.Disputed, 0), ((await books.Read(invoice)).Status, (await Due(books)).Count));
    }

    [Fact]
    public async Task AWriteOff_ClosesWhatIsOpen_AndEndsTheReminders()
    {
        using var books = await Books.Open(platform);
        var invoice = await books.Invoice(1000, issuedDaysAgo: 200, netDays: 30);

        await books.Tenant.Collection.RecordCollectionEffortAsync(new RecordCollectionEffortRequest
        {
            Effort = new CollectionEffort { InvoiceId = invoice.Id, Kind = CollectionEffortKind.WriteOff },
        });

        var read = await books.Read(invoice);
        Assert.Equal((InvoiceStatus.WrittenOff, 1000L, 0), (read.Status, read.WrittenOffAmount.Units, (await Due(books)).Count));
    }

    [Fact]
    public async Task APromiseWithoutItsDateAndAmount_IsRefusedNamingBoth()
    {
        using var books = await Books.Open(platform);
        var invoice = await books.Invoice(100);

        var error = await Assert.ThrowsAsync<RpcException>(() => books.Tenant.Collection.RecordCollectionEffortAsync(new RecordCollectionEffortRequest
        {
            Effort = new CollectionEffort { InvoiceId = invoice.Id, Kind = CollectionEffortKind.PromiseToPay },
        }).ResponseAsync);

        Assert.Equal(["effort.promised_amount", "effort.promised_date"], BadRequests.Fields(error).Order().ToList());
    }

    [Fact]
    public async Task TheTenantsDunningPolicy_IsWhatItLastSet()
    {
        using var books = await Books.Open(platform);
        var policy = new DunningPolicy
        {
            Levels =
            {
                new DunningLevel { Level = 1, DaysAfterDue = 5, Label = "Friendly reminder", Kind = CollectionEffortKind.Reminder },
                new DunningLevel { Level = 2, DaysAfterDue = 20, Label = "Final notice", Kind = CollectionEffortKind.Letter },
            },
            QuietDaysAfterPayment = 10,
        };

        await books.Tenant.Collection.UpdateDunningPolicyAsync(new UpdateDunningPolicyRequest { Policy = policy });

        var read = await books.Tenant.Collection.GetDunningPolicyAsync(new GetDunningPolicyRequest());
        Assert.Equal((2, "Final notice", 10), (read.Levels.Count, read.Levels[1].Label, read.QuietDaysAfterPayment));
    }

    [Fact]
    public async Task AnotherTenantsInvoice_IsNotFound_ForCollectionEffort()
    {
        using var ours = await Books.Open(platform);
        using var theirs = await Books.Open(platform);
        var theirInvoice = await theirs.Invoice(100);

        var error = await Assert.ThrowsAsync<RpcException>(() => ours.Tenant.Collection.RecordCollectionEffortAsync(new RecordCollectionEffortRequest
        {
            Effort = new CollectionEffort { InvoiceId = theirInvoice.Id, Kind = CollectionEffortKind.Call },
        }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
    [Fact]
    public async Task TheRemindersDue_AreServedOverRest()
    {
        using var books = await Books.Open(platform);
        var invoice = await books.Invoice(1000, issuedDaysAgo: 60, netDays: 30);

        using var response = await books.Tenant.Rest.GetAsync($"/v1/reminders:due?companyId={books.Company.Id}");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(invoice.Id, await response.Content.ReadAsStringAsync());
    }
}
