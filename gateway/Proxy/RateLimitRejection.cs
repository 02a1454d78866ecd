namespace CrmPlatform.Gateway.Proxy;

/// <summary>A tenant over its limit: 429 for REST, ResourceExhausted for gRPC (whose clients read the status, not the HTTP code).</summary>
internal static class RateLimitRejection
{
    public static ValueTask Write(HttpContext context)
    {
        var response = context.Response;
        response.Headers.RetryAfter = "1";
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/grpc";
            response.Headers["grpc-status"] = "8";
            response.Headers["grpc-message"] = "The tenant's request rate limit is exceeded.";
            return ValueTask.CompletedTask;
        }

        response.StatusCode = StatusCodes.Status429TooManyRequests;
        return new ValueTask(response.WriteAsJsonAsync(new { code = 8, message = "The tenant's request rate limit is exceeded.", details = Array.Empty<object>() }));
    }
}
