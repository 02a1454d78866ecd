using CrmPlatform.GrpcConventions;
using Proto = CrmPlatform.Contracts.Billing.V1;

namespace CrmPlatform.Billing.Tests;

/// <summary>The text rule over an invoice: its number is single-line text.</summary>
public sealed class InvoiceTextTests
{
    [Theory]
    [InlineData("INV-1\n")]
    [InlineData("INV\t1")]
    [InlineData("INV\01")]
    public void ANumberWithAControlCharacter_IsAViolationOfTheNumber(string number)
    {
        var request = new Proto.CreateInvoiceRequest { Invoice = new Proto.Invoice { Number = number } };

        Assert.Equal(["invoice.number"], new FieldViolations().Text(request).ToList().Select(v => v.Field));
    }
}
