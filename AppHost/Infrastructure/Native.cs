using System.Runtime.InteropServices;

namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>POSIX signals: Process.Kill only knows SIGKILL, and servers deserve a chance to shut down cleanly.</summary>
internal static partial class Native
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    public static bool IsRoot => GetEffectiveUserId() == 0;

    /// <returns>False when no such process exists.</returns>
    public static bool Signal(int pid, int signal) => Kill(pid, signal) == 0;

    public static bool IsAlive(int pid) => Kill(pid, 0) == 0;
}
