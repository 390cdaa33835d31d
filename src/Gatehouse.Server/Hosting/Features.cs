using Gatehouse.Server.Auth;
using Gatehouse.Server.Credentials;
using Gatehouse.Server.Devices;
using Gatehouse.Server.Events;
using Gatehouse.Server.Employees;
using Gatehouse.Server.Import;
using Gatehouse.Server.Logics;
using Gatehouse.Server.Memberships;
using Gatehouse.Server.People;
using Gatehouse.Server.Scim;
using Gatehouse.Server.Topology;
using Gatehouse.Server.Visitors;

namespace Gatehouse.Server.Hosting;

/// <summary>Every feature folder's services and endpoint group, in one list.</summary>
public static class Features
{
    public static IServiceCollection AddFeatureServices(this IServiceCollection services)
    {
        services.AddSingleton<UnknownDeviceThrottle>();
        services.AddSingleton<ScanService>();
        services.AddSingleton<Heartbeats>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<StaffSignIn>();
        services.AddSingleton<MemberImport>();
        services.AddVisitors().AddEmployees().AddScim();
        return services;
    }

    public static IEndpointRouteBuilder MapFeatureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAuth();
        app.MapStaffUsers();
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
        app.MapProducts();
        app.MapBilling();
        app.MapBookings();
        app.MapPresence();
        app.MapEvents();
        app.MapVisits();
        app.MapImport();
        app.MapVisitorsApi().MapEmployeesApi().MapScimApi();
        return app;
    }
}
