namespace CrmPlatform.IntegrationTests.Support;

/// <summary>
/// All integration tests share one running platform; the tests that stop the broker or kill a
/// service run in it too, so the collection runs its tests one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
