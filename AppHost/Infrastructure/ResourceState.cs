namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>Where a supervised process is in its life, as the resource console shows it.</summary>
public enum ResourceState
{
    NotStarted,
    Running,
    Restarting,
    Stopped,
    Failed,
}
