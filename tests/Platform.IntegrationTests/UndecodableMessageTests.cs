using CrmPlatform.IntegrationTests.Support;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;

namespace CrmPlatform.IntegrationTests;

/// <summary>
/// Bytes that are not a valid request message, sent raw through the gateway to every service:
/// the client's mistake, answered as InvalidArgument with the shared details.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class UndecodableMessageTests(PlatformFixture platform)
{
    /// <summary>Field 1 (a string) announced as 5 bytes long, followed by one.</summary>
    private static readonly byte[] Truncated = [0x0A, 0x05, 0x61];

    /// <summary>Field 1 (a string) holding 0xC3 0x28, which is not UTF-8.</summary>
    private static readonly byte[] InvalidUtf8 = [0x0A, 0x02, 0xC3, 0x28];

    public static TheoryData<string, string> Methods => new()
    {
        { "/crm.profiles.v1.CompaniesService/GetCompany", "truncated" },
        { "/crm.profiles.v1.CompaniesService/GetCompany", "invalid-utf8" },
        { "/crm.interactions.v1.InteractionsService/GetInteraction", "truncated" },
        { "/crm.interactions.v1.InteractionsService/GetInteraction", "invalid-utf8" },
        { "/crm.billing.v1.BillingService/GetInvoice", "truncated" },
        { "/crm.billing.v1.BillingService/GetInvoice", "invalid-utf8" },
        { "/crm.segmentation.v1.SegmentationService/GetCompanyFacts", "truncated" },
        { "/crm.segmentation.v1.SegmentationService/GetCompanyFacts", "invalid-utf8" },
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public async Task UndecodableRequest_IsInvalidArgumentWithBadRequest(string fullMethod, string kind)
    {
        using var tenant = await platform.NewTenant();
        var error = await Assert.ThrowsAsync<RpcException>(() => SendRaw(tenant.ApiKey, fullMethod, kind == "truncated" ? Truncated : InvalidUtf8));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var status = ErrorBodies.Status(error);
        Assert.Equal("message", Assert.Single(status.Detail<BadRequest>().FieldViolations).Field);
        Assert.Matches("^[0-9a-f]{32}$", status.CorrelationId());
    }

    private async Task<byte[]> SendRaw(string apiKey, string fullMethod, byte[] message)
    {
        using var channel = GrpcChannel.ForAddress(platform.GatewayGrpc);
        var bytes = Marshallers.Create(b => b, b => b);
        var slash = fullMethod.LastIndexOf('/');
        var method = new Method<byte[], byte[]>(MethodType.Unary, fullMethod[1..slash], fullMethod[(slash + 1)..], bytes, bytes);
        return await channel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(new Metadata { { "x-api-key", apiKey } }), message);
    }
}
