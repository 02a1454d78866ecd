using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CrmPlatform.Messaging.Wakeups;

public static class WakeupExtensions
{
    /// <summary>Registers <typeparamref name="TSignal"/> as a singleton that hears of every commit of the service's contexts.</summary>
    public static IServiceCollection AddCommitListener<TSignal>(this IServiceCollection services)
        where TSignal : class, ICommitListener
    {
        services.AddSingleton<TSignal>();
        return services.AddSingleton<IInterceptor, WakeOnCommit<TSignal>>();
    }
}
