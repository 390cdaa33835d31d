using Gatehouse.Server.Auth;
using Gatehouse.Server.Credentials;
using Gatehouse.Server.Devices;
using Gatehouse.Server.Logics;
using Gatehouse.Server.Memberships;
using Gatehouse.Server.People;
using Gatehouse.Server.Topology;

namespace Gatehouse.Server.Hosting;

/// <summary>Every feature folder's services and endpoint group, in one list.</summary>
public static class Features
{
    public static IServiceCollection AddFeatureServices(this IServiceCollection services)
    {
        services.AddSingleton<ScanService>();
        services.AddSingleton<Heartbeats>();
        services.AddSingleton<StaffSignIn>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAuth();
        app.MapDeviceApi();
        app.MapOrganization();
        app.MapSites();
        app.MapZones();
        app.MapLevels();
        app.MapDeviceAdmin();
        app.MapLogics();
        app.MapPeople();
        app.MapCredentials();
        app.MapContracts();
        app.MapBilling();
        app.MapBookings();
        app.MapPresence();
        return app;
    }
}
