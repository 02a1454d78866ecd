using CrmPlatform.Tenancy.Data;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmPlatform.ServiceDefaults.Grpc;

/// <summary>
/// Turns what service code throws into a gRPC status (and, through transcoding, the matching HTTP
/// status), so RPC methods stay linear. Anything unexpected is logged and answered as Internal
/// without details: no stack trace or SQL ever reaches a client.
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
        catch (Exception e) when (e is not RpcException)
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
        catch (Exception e) when (e is not RpcException)
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
        catch (Exception e) when (e is not RpcException)
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
        catch (Exception e) when (e is not RpcException)
        {
            throw Map(e, context);
        }
    }

    private RpcException Map(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case ResourceNotFoundException:
                return new RpcException(new Status(StatusCode.NotFound, exception.Message));
            case PreconditionFailedException:
                RestStatusOverride.Request(context.GetHttpContext(), StatusCodes.Status412PreconditionFailed);
                return new RpcException(new Status(StatusCode.FailedPrecondition, exception.Message));
            case DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } }:
                return new RpcException(new Status(StatusCode.AlreadyExists, "A resource with the same unique values already exists."));
            case DbUpdateConcurrencyException:
                return new RpcException(new Status(StatusCode.Aborted, "The resource was changed concurrently; read it again and retry."));
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));
            case CrossTenantWriteException:
                logger.LogCritical(exception, "Tenant isolation stopped a write in {Method}.", context.Method);
                return new RpcException(new Status(StatusCode.Internal, "Internal error."));
            default:
                logger.LogError(exception, "Unhandled error in {Method}.", context.Method);
                return new RpcException(new Status(StatusCode.Internal, "Internal error."));
        }
    }
}
