using System.Net;
using CrmPlatform.Gateway.Proxy;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;

namespace CrmPlatform.Gateway.Tests;

public class UpstreamErrorsTests
{
    [Fact]
    public void RestStatus_OfAStatusJsonBody_IsThatStatus() =>
        Assert.Equal(13, UpstreamErrors.RestStatus("application/json", """{"code":13,"message":"Internal error.","details":[]}""")!.Code);

    [Fact]
    public void RestStatus_OfAnHtmlErrorPage_IsNone() =>
        Assert.Null(UpstreamErrors.RestStatus("text/html", "<html><body>NpgsqlException   at Foo.Bar()</body></html>"));

    [Fact]
    public void RestStatus_OfOtherJson_IsNone() =>
        Assert.Null(UpstreamErrors.RestStatus("application/json", """{"type":"https://tools.ietf.org/html/rfc9110","title":"oops","detail":"SELECT 1"}"""));

    [Fact]
    public void RestStatus_OfAnEmptyBody_IsNone() => Assert.Null(UpstreamErrors.RestStatus("application/json", ""));

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, Code.Internal)]
    [InlineData(HttpStatusCode.BadGateway, Code.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, Code.Unavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout, Code.DeadlineExceeded)]
    public void ReplacementCode_FollowsTheHttpStatus(HttpStatusCode status, Code expected) =>
        Assert.Equal(expected, UpstreamErrors.ReplacementCode(status));

    [Fact]
    public void GrpcNeedsReplacing_UnknownWithOnlyAHandlerMessage() =>
        Assert.True(UpstreamErrors.GrpcNeedsReplacing("2", default));

    [Fact]
    public void GrpcNeedsReplacing_NotInternalWithOurDetails() =>
        Assert.False(UpstreamErrors.GrpcNeedsReplacing("13", Details(13, withCorrelation: true)));

    [Fact]
    public void GrpcNeedsReplacing_InternalWithDetailsThatLackTheCorrelationId() =>
        Assert.True(UpstreamErrors.GrpcNeedsReplacing("13", Details(13, withCorrelation: false)));

    [Fact]
    public void GrpcNeedsReplacing_NotADeliberateAnswerLikeNotFound() =>
        Assert.False(UpstreamErrors.GrpcNeedsReplacing("5", default));

    private static string Details(int code, bool withCorrelation)
    {
        var status = new Google.Rpc.Status { Code = code, Message = "Internal error." };
        if (withCorrelation)
        {
            status.Details.Add(Any.Pack(new RequestInfo { RequestId = "0af7651916cd43dd8448eb211c80319c" }));
        }

        return Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
    }
}
