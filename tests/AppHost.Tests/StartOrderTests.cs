using CrmPlatform.AppHost.Infrastructure;

namespace CrmPlatform.AppHost.Tests;

public sealed class StartOrderTests
{
    private static ServiceProcess Process(string name) =>
        new(name, $"{name}.dll", new Dictionary<string, string>(), new Uri("http://127.0.0.1:1"), new Uri("http://127.0.0.1:2"));

    [Fact]
    public void StartStages_StartTheGatewayAloneAfterEveryService()
    {
        var gateway = Process("gateway");

        var stages = Platform.StartStages([Process("profiles"), Process("billing")], gateway);

        Assert.Equal([gateway], stages[^1]);
        Assert.DoesNotContain(gateway, stages.SkipLast(1).SelectMany(stage => stage));
    }

    [Fact]
    public void StartStages_StartTheServicesTogether()
    {
        var stages = Platform.StartStages([Process("profiles"), Process("billing")], Process("gateway"));

        Assert.Equal(["profiles", "billing"], stages[0].Select(process => process.Name));
    }
}
