namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>Each process's output in a file of its own, for runs whose console is taken (benchmarks): to read when one fails.</summary>
public static class ProcessLogs
{
    /// <returns>What <see cref="Platform.StartAsync"/> calls as it creates the processes.</returns>
    public static Action<Platform> KeptIn(string folder) => starting =>
    {
        Directory.CreateDirectory(folder);
        foreach (var process in starting.Processes)
        {
            var log = new StreamWriter(Path.Combine(folder, $"{process.Name}.log"), append: false) { AutoFlush = true };
            process.Log += (_, line) =>
            {
                lock (log)
                {
                    log.WriteLine(line);
                }
            };
        }
    };
}
