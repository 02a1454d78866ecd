using CrmPlatform.GrpcConventions;
using Google.Rpc;
using Microsoft.AspNetCore.Http;

namespace CrmPlatform.GrpcConventions.Tests;

public class ErrorResponseTests
{
    [Theory]
    [InlineData(Code.InvalidArgument, 400)]
    [InlineData(Code.Unauthenticated, 401)]
    [InlineData(Code.PermissionDenied, 403)]
    [InlineData(Code.NotFound, 404)]
    [InlineData(Code.ResourceExhausted, 429)]
    [InlineData(Code.Internal, 500)]
    public void HttpStatus_FollowsGoogleRpcCodeMapping(Code code, int expected) =>
        Assert.Equal(expected, ErrorResponse.HttpStatus(code));

    [Fact]
    public void Create_CarriesTheCorrelationIdAsRequestInfo()
    {
        var http = new DefaultHttpContext { TraceIdentifier = "trace-123" };

        var status = ErrorResponse.Create(http, Code.Internal, "Internal error.");

        Assert.Equal("trace-123", status.Details.Single(d => d.Is(RequestInfo.Descriptor)).Unpack<RequestInfo>().RequestId);
    }
}
