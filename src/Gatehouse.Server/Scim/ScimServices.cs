namespace Gatehouse.Server.Scim;

/// <summary>The SCIM feature's services and endpoints.</summary>
public static class ScimServices
{
    public static IServiceCollection AddScim(this IServiceCollection services)
    {
        services.AddSingleton<ScimUsers>();
        return services;
    }

    public static IEndpointRouteBuilder MapScimApi(this IEndpointRouteBuilder app)
    {
        app.MapScimUsers();
        app.MapScimTokenAdmin();
        return app;
    }
}
