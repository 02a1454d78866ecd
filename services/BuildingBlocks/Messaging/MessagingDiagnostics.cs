using System.Diagnostics;

namespace CrmPlatform.Messaging;

public static class MessagingDiagnostics
{
    public const string SourceName = "CrmPlatform.Messaging";

    /// <summary>Spans of the outbox relay, so a commit-to-publish delay shows in traces.</summary>
    public static readonly ActivitySource Source = new(SourceName);
}
