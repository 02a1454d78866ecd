using MassTransit;

namespace CrmPlatform.KnownCompanies;

public static class KnownCompaniesConsumers
{
    /// <summary>
    /// The consumers that keep the known companies and people current from Profiles' events:
    /// <see cref="CompanyCreatedConsumer"/>, <see cref="CompanyUpdatedConsumer"/>,
    /// <see cref="PersonAddedOrChangedConsumer"/> and <see cref="PersonLeftConsumer"/>. They write
    /// through the service's <see cref="Tenancy.Data.TenantDbContext"/> (the one AddMessaging binds, so
    /// the inbox's transaction holds them), whose model needs <see cref="KnownCompaniesModel.AddKnownCompanies"/>.
    /// They are not generic over the service's context: MassTransit names a generic consumer's queue
    /// after its type argument, so all four would share one queue.
    /// </summary>
    public static void AddKnownCompanies(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<CompanyCreatedConsumer>();
        bus.AddConsumer<CompanyUpdatedConsumer>();
        bus.AddConsumer<PersonAddedOrChangedConsumer>();
        bus.AddConsumer<PersonLeftConsumer>();
    }
}
