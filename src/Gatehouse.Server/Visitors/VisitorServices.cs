using Gatehouse.Server.Hosting;
using Gatehouse.Server.Jobs;
using Gatehouse.Server.Mail;
using Gatehouse.Storage;
using Gatehouse.Storage.Visitors;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Visitors;

/// <summary>The visitor feature's services: its store, mail, pre-registration, lifecycle and background jobs.</summary>
public static class VisitorServices
{
    public static IServiceCollection AddVisitors(this IServiceCollection services)
    {
        services.AddOptions<VisitorOptions>().BindConfiguration(VisitorOptions.Section);
        services.AddOptions<JobOptions>().BindConfiguration(JobOptions.Section);
        services.AddMail();

        // Resolving the main store first applies the migrations our tables live in.
        services.AddSingleton(provider =>
        {
            _ = provider.GetRequiredService<IGatehouseStore>();
            var database = provider.GetRequiredService<IOptions<GatehouseOptions>>().Value.Database;
            return VisitorStores.Open(StoreFactory.ToStoreOptions(database));
        });
        services.AddSingleton<VisitorRegistration>();
        services.AddSingleton<VisitorLifecycle>();
        services.AddSingleton<VisitorViews>();
        services.AddSingleton<VisitorJobRunner>();
        services.AddHostedService<VisitorJobService>();
        return services;
    }

    public static IEndpointRouteBuilder MapVisitorsApi(this IEndpointRouteBuilder app)
    {
        app.MapVisitorEndpoints();
        app.MapKioskApi();
        return app;
    }
}
