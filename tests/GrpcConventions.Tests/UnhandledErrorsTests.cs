using CrmPlatform.GrpcConventions;
using Google.Protobuf;
using Google.Rpc;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CrmPlatform.GrpcConventions.Tests;

public class UnhandledErrorsTests
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithTypeRegistry(ErrorResponse.DetailTypes));

    [Fact]
    public async Task Answer_WritesAnInternalStatus_WithoutTheExceptionsText()
    {
        var http = Request();

        await UnhandledErrors.Answer(new CapturingLogger(), http, new InvalidOperationException("SELECT secret FROM internals"));

        var body = Body(http);
        Assert.Equal(StatusCodes.Status500InternalServerError, http.Response.StatusCode);
        Assert.Equal((int)Code.Internal, Parser.Parse<Google.Rpc.Status>(body).Code);
        Assert.DoesNotContain("SELECT", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_LogsTheCorrelationIdTheClientSees()
    {
        var http = Request();
        var logger = new CapturingLogger();

        await UnhandledErrors.Answer(logger, http, new InvalidOperationException("boom"));

        var correlationId = Parser.Parse<Google.Rpc.Status>(Body(http)).Details.Single(d => d.Is(RequestInfo.Descriptor)).Unpack<RequestInfo>().RequestId;
        Assert.Contains(correlationId, Assert.Single(logger.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_ClientThatHasGone_IsNeitherAnsweredNorLoggedAsAnError()
    {
        var http = Request();
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();
        http.RequestAborted = gone.Token;
        var logger = new CapturingLogger();

        await UnhandledErrors.Answer(logger, http, new OperationCanceledException(gone.Token));

        Assert.Empty(logger.Lines);
        Assert.Equal(0, http.Response.Body.Length);
    }

    [Fact]
    public async Task Answer_RequestKestrelCouldNotRead_IsInvalidArgumentWithItsHttpStatus()
    {
        var http = Request();

        await UnhandledErrors.Answer(new CapturingLogger(), http, new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, http.Response.StatusCode);
        Assert.Equal((int)Code.InvalidArgument, Parser.Parse<Google.Rpc.Status>(Body(http)).Code);
    }

    private static DefaultHttpContext Request()
    {
        var http = new DefaultHttpContext { TraceIdentifier = "0af7651916cd43dd8448eb211c80319c" };
        http.Request.Method = "POST";
        http.Request.Path = "/v1/companies";
        http.Response.Body = new MemoryStream();
        return http;
    }

    private static string Body(HttpContext http) => System.Text.Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray());

    private sealed class CapturingLogger : ILogger
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(formatter(state, exception));
    }
}
