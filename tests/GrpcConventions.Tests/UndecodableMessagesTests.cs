using System.Buffers;
using CrmPlatform.GrpcConventions;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;

namespace CrmPlatform.GrpcConventions.Tests;

public class UndecodableMessagesTests
{
    private static readonly Marshaller<RequestInfo> Guarded =
        UndecodableMessages.Guard(Marshallers.Create(m => m.ToByteArray(), RequestInfo.Parser.ParseFrom));

    [Fact]
    public void Guard_TruncatedMessage_IsInvalidArgument() =>
        Assert.Equal(StatusCode.InvalidArgument, Assert.Throws<RpcException>(() => Decode([0x0A, 0x05, 0x61])).StatusCode);

    [Fact]
    public void Guard_StringThatIsNotUtf8_IsInvalidArgument() =>
        Assert.Equal(StatusCode.InvalidArgument, Assert.Throws<RpcException>(() => Decode([0x0A, 0x02, 0xC3, 0x28])).StatusCode);

    [Fact]
    public void Guard_Refusal_NamesTheMessageAsTheBadField()
    {
        var error = Assert.Throws<RpcException>(() => Decode([0x0A, 0x05, 0x61]));

        var badRequest = error.GetRpcStatus()!.Details.Single(d => d.Is(BadRequest.Descriptor)).Unpack<BadRequest>();
        Assert.Equal(UndecodableMessages.Field, Assert.Single(badRequest.FieldViolations).Field);
    }

    [Fact]
    public void Guard_ValidMessage_DecodesAsBefore() =>
        Assert.Equal("abc", Decode(new RequestInfo { RequestId = "abc" }.ToByteArray()).RequestId);

    private static RequestInfo Decode(byte[] payload) => Guarded.ContextualDeserializer(new Payload(payload));

    private sealed class Payload(byte[] bytes) : DeserializationContext
    {
        public override int PayloadLength => bytes.Length;

        public override byte[] PayloadAsNewBuffer() => (byte[])bytes.Clone();

        public override ReadOnlySequence<byte> PayloadAsReadOnlySequence() => new(bytes);
    }
}
