namespace Gatehouse.Server.Desk;

/// <summary>The front desk's services and its live feed.</summary>
public static class DeskServices
{
    public static IServiceCollection AddDeskServices(this IServiceCollection services)
    {
        services.AddSingleton<FrontDesk>();
        services.AddSingleton<VisitNames>();
        services.AddSingleton<VisitsOfTheDay>();
        services.AddSingleton<DeskFeed>();
        services.AddHostedService(provider => provider.GetRequiredService<DeskFeed>());
        return services;
    }
}
