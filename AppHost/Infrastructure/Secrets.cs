using System.Security.Cryptography;

namespace CrmPlatform.AppHost.Infrastructure;

/// <summary>The platform's generated passwords and keys.</summary>
public static class Secrets
{
    /// <summary>A random URL- and connection-string-safe secret.</summary>
    public static string New(int bytes = 24) =>
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    /// <summary>A fresh key for signing the internal credentials the gateway hands the services: 256 bits, base64.</summary>
    public static string SigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// A secret kept in the data folder, so a restarted platform (and the README's examples)
    /// keep working with what was printed before.
    /// </summary>
    public static string Stored(string dataRoot, string name, Func<string>? create = null)
    {
        var path = Path.Combine(dataRoot, "secrets", name);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var value = (create ?? (() => New()))();
        File.WriteAllText(path, value);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return value;
    }
}
