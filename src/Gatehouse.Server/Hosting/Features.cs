using Gatehouse.Server.Devices;

namespace Gatehouse.Server.Hosting;

/// <summary>Every feature folder's services and endpoint group, in one list.</summary>
public static class Features
{
    public static IServiceCollection AddFeatureServices(this IServiceCollection services)
    {
        services.AddSingleton<ScanService>();
        services.AddSingleton<Heartbeats>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapDeviceApi();
        return app;
    }
}
