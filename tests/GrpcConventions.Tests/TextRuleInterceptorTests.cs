using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.GrpcConventions;
using Grpc.Core;

namespace CrmPlatform.GrpcConventions.Tests;

public class TextRuleInterceptorTests
{
    [Fact]
    public async Task UnaryCall_WithANulInAString_IsInvalidArgumentBeforeTheServiceRuns()
    {
        var called = false;

        var error = await Assert.ThrowsAsync<RpcException>(() => new TextRuleInterceptor().UnaryServerHandler<Address, Address>(
            new Address { City = "a\0b" }, null!, (request, _) => { called = true; return Task.FromResult(request); }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("city", Assert.Single(error.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
        Assert.False(called);
    }

    [Fact]
    public async Task ServerStreamingCall_WithAControlCharacter_IsInvalidArgument()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new TextRuleInterceptor().ServerStreamingServerHandler<Address, Address>(
            new Address { Lines = { "a\u001bb" } }, null!, null!, (_, _, _) => Task.CompletedTask));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task UnaryCall_WithCleanText_ReachesTheService()
    {
        var reply = await new TextRuleInterceptor().UnaryServerHandler<Address, Address>(
            new Address { City = "Umeå" }, null!, (request, _) => Task.FromResult(request));

        Assert.Equal("Umeå", reply.City);
    }
}
