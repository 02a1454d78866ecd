using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.KnownCompanies.Tests;

/// <summary>The consumers a service registers with one call, and the queues they get.</summary>
public sealed class KnownCompaniesConsumersTests
{
    private static readonly Type[] Consumers = typeof(KnownCompany).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && typeof(IConsumer).IsAssignableFrom(t))
        .ToArray();

    [Fact]
    public void AddKnownCompanies_RegistersEveryConsumerOfTheProject()
    {
        var services = new ServiceCollection();

        services.AddMassTransit(bus => bus.AddKnownCompanies());

        Assert.All(Consumers, consumer => Assert.Contains(services, s => s.ServiceType == consumer));
    }

    [Fact]
    public void EveryConsumer_HasAQueueOfItsOwn()
    {
        var formatter = new KebabCaseEndpointNameFormatter("billing", includeNamespace: false);

        var queues = Consumers.Select(c => Queue(formatter, c)).ToList();

        Assert.Equal(queues.Count, queues.Distinct().Count());
    }

    [Theory]
    [InlineData("interactions")]
    [InlineData("billing")]
    public void CompanyCreatedConsumer_KeepsTheQueueItHadInTheService(string service)
    {
        // A new name would leave the old queue behind, bound and filling with every creation.
        var formatter = new KebabCaseEndpointNameFormatter(service, includeNamespace: false);

        Assert.Equal($"{service}-company-created", formatter.Consumer<CompanyCreatedConsumer>());
    }

    private static string Queue(IEndpointNameFormatter formatter, Type consumer) =>
        (string)typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!.MakeGenericMethod(consumer).Invoke(formatter, null)!;
}
