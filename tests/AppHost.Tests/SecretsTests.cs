using System.Runtime.Versioning;
using CrmPlatform.AppHost.Infrastructure;

namespace CrmPlatform.AppHost.Tests;

public sealed class SecretsTests : IDisposable
{
    private readonly string dataRoot = Path.Combine(Path.GetTempPath(), $"apphost-tests-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(dataRoot))
        {
            Directory.Delete(dataRoot, recursive: true);
        }
    }

    [Fact]
    public void New_IsSafeInAUrlAndAConnectionString()
    {
        Assert.Matches("^[0-9a-f]{48}$", Secrets.New());
    }

    [Fact]
    public void New_DiffersEachTime()
    {
        Assert.NotEqual(Secrets.New(), Secrets.New());
    }

    [Fact]
    public void SigningKey_Holds256Bits()
    {
        Assert.Equal(32, Convert.FromBase64String(Secrets.SigningKey()).Length);
    }

    [Fact]
    public void Stored_ReturnsWhatWasStoredBefore()
    {
        var first = Secrets.Stored(dataRoot, "operator-key");

        Assert.Equal(first, Secrets.Stored(dataRoot, "operator-key"));
    }

    [Fact]
    public void Stored_CreatesWithTheGivenFactoryOnlyTheFirstTime()
    {
        Secrets.Stored(dataRoot, "operator-key", () => "first");

        Assert.Equal("first", Secrets.Stored(dataRoot, "operator-key", () => "second"));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Stored_IsReadableByItsOwnerAlone()
    {
        Secrets.Stored(dataRoot, "operator-key");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dataRoot, "secrets", "operator-key")));
    }
}
