namespace CrmPlatform.AppHost.Infrastructure;

public enum ResourceState
{
    NotStarted,
    Starting,
    Running,
    Restarting,
    Stopped,
    Failed,
}
