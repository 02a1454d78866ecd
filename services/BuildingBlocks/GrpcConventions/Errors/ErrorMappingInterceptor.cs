using CrmPlatform.GrpcConventions;
using CrmPlatform.Tenancy.Data;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.GrpcConventions;

/// <summary>
/// Turns what service code throws into a gRPC status (and, through transcoding, the matching HTTP
/// status), so RPC methods stay linear. Anything unexpected is logged and answered as Internal
/// without details: no stack trace or SQL ever reaches a client. Every status leaves with a
/// google.rpc.RequestInfo naming the correlation id that the log line of a failure carries too.
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e)
        {
            throw Map(e, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e)
        {
            throw Map(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e)
        {
            throw Map(e, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e)
        {
            throw Map(e, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        var http = context.GetHttpContext();
        switch (exception)
        {
            case RpcException thrown:
                return WithCorrelation(thrown, http);
            case ResourceNotFoundException:
                return Error(http, Code.NotFound, exception.Message);
            case PreconditionFailedException:
                RestStatusOverride.Request(http, StatusCodes.Status412PreconditionFailed);
                return Error(http, Code.FailedPrecondition, exception.Message);
            case DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } }:
                return Error(http, Code.AlreadyExists, "A resource with the same unique values already exists.");
            case DbUpdateConcurrencyException:
                return Error(http, Code.Aborted, "The resource was changed concurrently; read it again and retry.");
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return Error(http, Code.Cancelled, "The call was cancelled.");
            case CrossTenantWriteException:
                logger.LogCritical(exception, "Tenant isolation stopped a write in {Method}; correlation id {CorrelationId}.",
                    context.Method, ErrorResponse.CorrelationId(http));
                return Error(http, Code.Internal, UnhandledErrors.Message);
            default:
                logger.LogError(exception, "Unhandled error in {Method}; correlation id {CorrelationId}.",
                    context.Method, ErrorResponse.CorrelationId(http));
                return Error(http, Code.Internal, UnhandledErrors.Message);
        }
    }

    private static RpcException Error(HttpContext http, Code code, string message) =>
        ErrorResponse.Create(http, code, message).ToRpcException();

    /// <summary>
    /// Statuses service code raises itself (field violations) keep their details and gain the
    /// correlation id, so every error a client sees can be found in the logs.
    /// </summary>
    private static RpcException WithCorrelation(RpcException thrown, HttpContext http)
    {
        var status = thrown.GetRpcStatus() ?? new Google.Rpc.Status { Code = (int)thrown.StatusCode, Message = thrown.Status.Detail };
        if (status.Details.Any(detail => detail.Is(RequestInfo.Descriptor)))
        {
            return thrown;
        }

        status.Details.Add(Any.Pack(new RequestInfo { RequestId = ErrorResponse.CorrelationId(http) }));
        return status.ToRpcException();
    }
}
