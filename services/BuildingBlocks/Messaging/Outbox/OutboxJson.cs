using System.Text.Json;

namespace CrmPlatform.Messaging.Outbox;

internal static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
