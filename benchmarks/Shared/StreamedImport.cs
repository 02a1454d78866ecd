using Grpc.Core;

namespace CrmPlatform.Benchmarks;

/// <summary>A bulk call that streams rows in and a report per batch out, as a partner's connector makes it.</summary>
public static class StreamedImport
{
    /// <summary>
    /// Writes <paramref name="messages"/> while reading the reports as they come (a client that only
    /// writes stalls the stream once the reports it leaves unread fill the HTTP/2 window).
    /// </summary>
    /// <param name="rejections">What a report says of its rejected rows; the first five are kept.</param>
    /// <returns>The last report (running totals) and the first rejections.</returns>
    public static async Task<(TResponse Last, List<string> Problems)> Run<TRequest, TResponse>(
        AsyncDuplexStreamingCall<TRequest, TResponse> call, IEnumerable<TRequest> messages, Func<TResponse, IEnumerable<string>> rejections)
        where TResponse : class, new()
    {
        var reading = Read(call.ResponseStream, rejections);
        try
        {
            foreach (var message in messages)
            {
                await call.RequestStream.WriteAsync(message);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException) when (!reading.IsCompletedSuccessfully)
        {
            // A failed write only says the call ended; the response side carries the server's status.
            await reading;
            throw;
        }

        return await reading;
    }

    private static async Task<(TResponse Last, List<string> Problems)> Read<TResponse>(IAsyncStreamReader<TResponse> responses, Func<TResponse, IEnumerable<string>> rejections)
        where TResponse : class, new()
    {
        var last = new TResponse();
        var problems = new List<string>();
        await foreach (var report in responses.ReadAllAsync())
        {
            last = report;
            problems.AddRange(rejections(report).Take(5 - problems.Count));
        }

        return (last, problems);
    }
}
