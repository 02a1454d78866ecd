using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace CrmPlatform.GrpcConventions;

/// <summary>
/// Grpc.AspNetCore decodes a request before any interceptor runs and answers a decoding failure
/// as Unknown ("Exception was thrown by handler"). The failure is the client's: a truncated
/// message or a string that is not UTF-8. A marshaller that says so as InvalidArgument, with a
/// BadRequest naming the message and the correlation id, is what the client should get.
/// </summary>
public static class UndecodableMessages
{
    /// <summary>Where in the request the fault is: the whole message, since protobuf does not say which field.</summary>
    public const string Field = "message";

    public static Marshaller<T> Guard<T>(Marshaller<T> marshaller) =>
        new(marshaller.ContextualSerializer, context =>
        {
            try
            {
                return marshaller.ContextualDeserializer(context);
            }
            catch (InvalidProtocolBufferException e)
            {
                throw Refusal(e.Message);
            }
        });

    public static RpcException Refusal(string reason)
    {
        var badRequest = new BadRequest
        {
            FieldViolations = { new BadRequest.Types.FieldViolation { Field = Field, Description = $"could not be decoded as protobuf: {reason}" } },
        };
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = $"The request message could not be decoded: {reason}",
            Details = { Any.Pack(badRequest) },
        };

        // No HttpContext reaches a marshaller; the request's activity carries the same trace id.
        if (Activity.Current is { } activity)
        {
            status.Details.Add(Any.Pack(new RequestInfo { RequestId = activity.TraceId.ToHexString() }));
        }

        return status.ToRpcException();
    }
}
