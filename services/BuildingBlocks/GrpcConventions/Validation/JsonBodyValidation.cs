using CrmPlatform.GrpcConventions;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace CrmPlatform.GrpcConventions;

/// <summary>
/// JSON transcoding drops fields it does not know and has no setting to refuse them, so a typo
/// (<c>emial</c>) silently loses data. This holds each REST body to <see cref="JsonBodyRule"/>
/// before transcoding reads it, against the message the route's <c>body</c> names, and answers
/// 400 in the shared error shape with a BadRequest naming every bad field. <c>Rest:StrictJson</c>
/// = false turns it off (to measure its cost, or for a client that cannot yet stop sending extras).
/// </summary>
public sealed class JsonBodyValidation(RequestDelegate next, IConfiguration configuration)
{
    private readonly bool enabled = configuration.GetValue("Rest:StrictJson", defaultValue: true);

    public async Task InvokeAsync(HttpContext http)
    {
        var transcoding = enabled ? http.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() : null;
        if (transcoding is null || ErrorResponse.IsGrpc(http.Request) || http.Request.ContentLength == 0
            || Body(transcoding) is not var (descriptor, prefix))
        {
            await next(http);
            return;
        }

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        if (buffer.Length == 0)
        {
            await next(http);
            return;
        }

        var violations = JsonBodyRule.Check(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), descriptor, prefix, new FieldViolations());
        if (!violations.IsEmpty)
        {
            await ErrorResponse.Write(http, Code.InvalidArgument, violations.Summary, violations.ToBadRequest());
            return;
        }

        buffer.Position = 0;
        http.Request.Body = buffer;
        await next(http);
    }

    /// <summary>The message the body becomes (the request, or the field <c>body:</c> names) and that field's path; null when the body is not a message.</summary>
    private static (MessageDescriptor Descriptor, string Prefix)? Body(GrpcJsonTranscodingMetadata transcoding)
    {
        var request = transcoding.MethodDescriptor.InputType;
        var body = transcoding.HttpRule.Body;
        if (body == "*")
        {
            return (request, "");
        }

        var field = body.Length == 0 ? null : request.FindFieldByName(body);
        return field is { FieldType: FieldType.Message, IsRepeated: false } ? (field.MessageType, field.Name) : null;
    }
}
