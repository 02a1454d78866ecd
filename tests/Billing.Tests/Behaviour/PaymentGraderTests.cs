using CrmPlatform.Billing.Behaviour;
using static CrmPlatform.Billing.Tests.Behaviour.Invoices;

namespace CrmPlatform.Billing.Tests.Behaviour;

public sealed class PaymentGraderTests
{
    private static readonly InvoiceFacts First = PaidLate("INV-1", 1000m, Day(2026, 8, 1), 0);
    private static readonly InvoiceFacts Second = PaidLate("INV-2", 1000m, Day(2026, 9, 1), 0);
    private static readonly InvoiceFacts Third = PaidLate("INV-3", 1000m, Day(2026, 10, 1), 0);
    private static readonly IReadOnlyList<InvoiceFacts> OnTime = [First, Second, Third];

    private static CollectionEvent Effort(CollectionEventKind kind, InvoiceFacts invoice, int level = 0, DateOnly? on = null) =>
        new() { Kind = kind, InvoiceId = invoice.Id, ReminderLevel = level, On = on ?? Day(2026, 10, 5) };

    [Fact]
    public void Grade_IsNotEnoughHistory_WithFewerThanThreeSettledInvoices()
    {
        var assessment = PaymentGrader.Assess([First, Second, Open("INV-4", 500m, Day(2026, 11, 1))], [], Today);

        Assert.Equal((PaymentGrade.NotEnoughHistory, null, 2), (assessment.Grade, assessment.Points, assessment.SettledInvoiceCount));
    }

    [Fact]
    public void Grade_IsNotEnoughHistory_WhenTheSettledInvoicesAreOlderThanTwentyFourMonths()
    {
        InvoiceFacts[] old = [PaidLate("OLD-1", 100m, Day(2024, 1, 1), 0), PaidLate("OLD-2", 100m, Day(2024, 2, 1), 0), PaidLate("OLD-3", 100m, Day(2024, 3, 1), 0)];

        Assert.Equal(PaymentGrade.NotEnoughHistory, PaymentGrader.Assess(old, [], Today).Grade);
    }

    [Fact]
    public void Grade_IsA_WhenEveryInvoiceIsPaidOnTimeWithoutEffort()
    {
        Assert.Equal(PaymentGrade.A, PaymentGrader.Assess(OnTime, [], Today).Grade);
    }

    [Fact]
    public void Grade_CountsAWrittenOffInvoiceAsSettled()
    {
        var writtenOff = Open("INV-4", 1000m, Day(2026, 6, 1)) with { Stage = InvoiceStage.WrittenOff, WrittenOffOn = Day(2026, 11, 1) };

        Assert.Equal(3, PaymentGrader.Assess([First, Second, writtenOff], [], Today).SettledInvoiceCount);
    }

    [Fact]
    public void Grade_DoesNotCountFirstLevelReminders()
    {
        var assessment = PaymentGrader.Assess(OnTime, [Effort(CollectionEventKind.Reminder, First, level: 1)], Today);

        Assert.Equal((PaymentGrade.A, 80m), (assessment.Grade, assessment.Points));
    }

    [Fact]
    public void Grade_DropsToB_WhenAnOnTimePayerNeededALevelTwoReminder()
    {
        var assessment = PaymentGrader.Assess(OnTime, [Effort(CollectionEventKind.Reminder, First, level: 2)], Today);

        Assert.Equal((PaymentGrade.B, 79m), (assessment.Grade, assessment.Points));
    }

    [Theory]
    [InlineData(CollectionEventKind.Call, 79)]
    [InlineData(CollectionEventKind.Letter, 78)]
    [InlineData(CollectionEventKind.DisputeOpened, 78)]
    [InlineData(CollectionEventKind.AgencyHandover, 70)]
    [InlineData(CollectionEventKind.DisputeResolved, 80)]
    [InlineData(CollectionEventKind.WriteOff, 80)]
    public void Grade_TakesTheFixedPointsOff_ForEachCollectionEffort(CollectionEventKind kind, int points)
    {
        Assert.Equal(points, PaymentGrader.Assess(OnTime, [Effort(kind, Second)], Today).Points);
    }

    [Fact]
    public void Grade_TakesFifteenPointsOff_ForAnInvoiceWrittenOff()
    {
        // INV-4: 1,000 never paid, written off on its due date (0 days): the score stays 80; the write-off costs 15.
        var writtenOff = Open("INV-4", 1000m, Day(2026, 11, 1)) with { Stage = InvoiceStage.WrittenOff, WrittenOffOn = Day(2026, 11, 1) };

        Assert.Equal(65m, PaymentGrader.Assess([.. OnTime, writtenOff], [], Today).Points);
    }

    [Theory]
    [InlineData(CreditNoteReason.DiscountDemanded, 77)]
    [InlineData(CreditNoteReason.EarlyPaymentDiscountExpired, 78)]
    [InlineData(CreditNoteReason.Commercial, 80)]
    [InlineData(CreditNoteReason.EarlyPaymentDiscount, 80)]
    [InlineData(CreditNoteReason.DisputeSettlement, 80)]
    public void Grade_CountsOnlyTheCreditNotesTheClientCaused(CreditNoteReason reason, int points)
    {
        var credited = Third.Crediting(Day(2026, 10, 2), 20m, reason) with { Amount = 1020m };

        Assert.Equal(points, PaymentGrader.Assess([First, Second, credited], [], Today).Points);
    }

    [Fact]
    public void Grade_TakesFivePointsOff_ForABrokenPromise()
    {
        var late = Open("INV-4", 1000m, Day(2026, 11, 28));
        var promise = new CollectionEvent
        {
            Kind = CollectionEventKind.PromiseToPay, On = Day(2026, 11, 1), InvoiceId = late.Id, PromisedDate = Day(2026, 11, 10), PromisedAmount = 500m,
        };

        Assert.Equal(75m, PaymentGrader.Assess([.. OnTime, late], [promise], Today).Points);
    }

    [Fact]
    public void Grade_CapsEachFactorAtTwentyPoints()
    {
        var calls = Enumerable.Range(0, 25).Select(_ => Effort(CollectionEventKind.Call, First)).ToList();

        Assert.Equal(60m, PaymentGrader.Assess(OnTime, calls, Today).Points);
    }

    [Fact]
    public void Grade_LeavesOutEffortOlderThanTwentyFourMonths()
    {
        var assessment = PaymentGrader.Assess(OnTime, [Effort(CollectionEventKind.AgencyHandover, First, on: Day(2024, 11, 30))], Today);

        Assert.Equal(80m, assessment.Points);
    }

    [Fact]
    public void Grade_IsE_WhenThePointsFallBelowThirty()
    {
        InvoiceFacts[] late = [PaidLate("INV-1", 1000m, Day(2026, 6, 1), 90), PaidLate("INV-2", 1000m, Day(2026, 7, 1), 90), PaidLate("INV-3", 1000m, Day(2026, 8, 1), 90)];

        Assert.Equal(PaymentGrade.E, PaymentGrader.Assess(late, [Effort(CollectionEventKind.Call, late[0])], Today).Grade);
    }

    [Theory]
    [InlineData("80", PaymentGrade.A)]
    [InlineData("79.99", PaymentGrade.B)]
    [InlineData("70", PaymentGrade.B)]
    [InlineData("69", PaymentGrade.C)]
    [InlineData("50", PaymentGrade.C)]
    [InlineData("49", PaymentGrade.D)]
    [InlineData("30", PaymentGrade.D)]
    [InlineData("29", PaymentGrade.E)]
    [InlineData("-5", PaymentGrade.E)]
    public void Grade_FallsInTheBandOfItsPoints(string points, PaymentGrade grade)
    {
        Assert.Equal(grade, GradeRules.GradeFor(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
