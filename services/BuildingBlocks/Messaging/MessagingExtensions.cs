using CrmPlatform.Messaging.Inbox;
using CrmPlatform.Messaging.Outbox;
using CrmPlatform.Messaging.Tenancy;
using CrmPlatform.Messaging.Wakeups;
using CrmPlatform.Tenancy.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CrmPlatform.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ (<c>ConnectionStrings:messaging</c>, an amqp:// URI) with the
    /// service's own outbox and inbox in <typeparamref name="TContext"/>. Queues are named
    /// "{service}-{consumer}" in kebab case; every endpoint retries, then moves the message to its
    /// _error queue; a message without a tenant goes there at once.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging<TContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? addConsumers = null)
        where TContext : TenantDbContext
    {
        builder.Services.AddScoped<TenantDbContext>(sp => sp.GetRequiredService<TContext>());
        return builder.AddBus<TContext>(serviceName, addConsumers);
    }

    /// <summary>
    /// The outbox and the bus for a process that publishes and consumes nothing (the gateway's
    /// member events): <typeparamref name="TContext"/> spans tenants, so each event's own tenant
    /// is the one it travels with.
    /// </summary>
    public static IHostApplicationBuilder AddEventPublishing<TContext>(this IHostApplicationBuilder builder, string serviceName)
        where TContext : DbContext => builder.AddBus<TContext>(serviceName, addConsumers: null);

    private static IHostApplicationBuilder AddBus<TContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<IBusRegistrationConfigurator>? addConsumers)
        where TContext : DbContext
    {
        var broker = new Uri(builder.Configuration.GetConnectionString("messaging")
            ?? throw new InvalidOperationException("ConnectionStrings:messaging is not configured."));

        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        builder.Services.AddCommitListener<OutboxSignal>();
        builder.Services.AddSingleton<IInterceptor, OutboxWakeOnSave>();
        builder.Services.AddScoped<IEventOutbox, EventOutbox<TContext>>();
        builder.Services.AddHostedService<OutboxRelay<TContext>>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            addConsumers?.Invoke(bus);

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, (ushort)(broker.IsDefaultPort ? 5672 : broker.Port), VirtualHost(broker), host =>
                {
                    var (user, password) = Credentials(broker);
                    host.Username(user);
                    host.Password(password);
                    host.PublisherConfirmation = true;
                });

                rabbit.UseMessageRetry(retry =>
                {
                    retry.Incremental(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500));
                    retry.Ignore<MissingTenantException>();
                });
                rabbit.UsePublishFilter(typeof(TenantPublishFilter<>), context);
                rabbit.UseConsumeFilter(typeof(TenantConsumeFilter<>), context);
                rabbit.UseConsumeFilter(typeof(InboxFilter<>), context);
                rabbit.ConfigureEndpoints(context);
            });
        });

        // Serve requests while the broker is away: the outbox holds events until it is back.
        builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = false);
        return builder;
    }

    private static string VirtualHost(Uri broker)
    {
        var path = Uri.UnescapeDataString(broker.AbsolutePath.TrimStart('/'));
        return path.Length == 0 ? "/" : path;
    }

    private static (string User, string Password) Credentials(Uri broker)
    {
        var parts = broker.UserInfo.Split(':', 2);
        return parts.Length == 2
            ? (Uri.UnescapeDataString(parts[0]), Uri.UnescapeDataString(parts[1]))
            : ("guest", "guest");
    }
}
