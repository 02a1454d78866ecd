using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CrmPlatform.GrpcConventions;

/// <summary>
/// Holds every request of every service to the <see cref="TextRule"/> before any service code
/// sees it, over gRPC and JSON transcoding alike, so a NUL or a stray control character is an
/// InvalidArgument naming the field, never a database error. Client-streaming calls (bulk import)
/// are left to the service: one bad row must not fail the stream, so it checks each row itself.
/// </summary>
public sealed class TextRuleInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, responseStream, context);
    }

    private static void Check(object? request)
    {
        if (request is IMessage message)
        {
            new FieldViolations().Text(message).ThrowIfAny();
        }
    }
}
