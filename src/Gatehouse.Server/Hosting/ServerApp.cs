using Gatehouse.Server.Auth;
using Gatehouse.Server.Devices;
using Gatehouse.Server.External;
using Gatehouse.Server.Health;
using Gatehouse.Server.Pages;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace Gatehouse.Server.Hosting;

/// <summary>Builds the web application: configuration, services, middleware and every endpoint group.</summary>
public static class ServerApp
{
    public static WebApplication Build(string[] args)
    {
        // Configuration is read once, at start: nothing in Gatehouse reloads it. Watching it for changes puts a
        // FileSystemWatcher on the whole content root, where the SQLite database lives by default, and every write
        // to the database's WAL then woke the watcher (an lstat and a geteuid each: ~2,500 a second under load).
        var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);

        // Defaults live in code, not in an appsettings.json that `dotnet run` from the repository root would not find.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://localhost:5080");
        }

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        AddServices(builder);
        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    public static void AddServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<GatehouseOptions>().Bind(builder.Configuration.GetSection(GatehouseOptions.Section));
        var maxBody = builder.Configuration.GetSection(GatehouseOptions.Section).GetValue<long?>(nameof(GatehouseOptions.MaxRequestBodyBytes)) ?? 64 * 1024;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);
        TrustedProxies.AddTo(builder);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(StoreFactory.Open);
        services.AddHostedService<StoreWarmup>();
        services.AddSingleton<ReadinessProbe>();
        services.AddSingleton<IPasswordHasher<StaffUser>, PasswordHasher<StaffUser>>();
        services.AddHttpClient<ExternalAccessClient>(http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddFeatureServices();

        services.Configure<JsonOptions>(options => JsonDefaults.Configure(options.SerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddStaffAuthentication();
        services.AddStaffPages();
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Gatehouse API";
            document.Info.Description = "Access decisions for doors, gates, desks and kiosks; administration of everything they decide on.";
            return Task.CompletedTask;
        }));
    }

    public static void UsePipeline(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // First, so the throttles and the logs see the client's address rather than the proxy's.
        if (TrustedProxies.Configured(app.Configuration))
        {
            app.UseForwardedHeaders();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeLimit>();

        // A device proves itself with its own secret, so staff sign-in is not run for its calls: for every scan that
        // built a cookie handler and looked for a cookie, about a tenth of what a scan allocated.
        // WebApplication adds both middlewares for every request unless it sees them set on the app itself, and a
        // branch's builder does not tell it: these are the framework's own markers. Should they ever change, staff
        // requests are merely authenticated twice.
        var properties = ((IApplicationBuilder)app).Properties;
        properties["__AuthenticationMiddlewareSet"] = true;
        properties["__AuthorizationMiddlewareSet"] = true;
        app.UseWhen(context => context.GetEndpoint()?.Metadata.GetMetadata<DeviceCaller>() is null, staff =>
        {
            staff.UseAuthentication();
            staff.UseAuthorization();
        });
        app.MapOpenApi();
        app.MapHealth();
        app.MapFeatureEndpoints();
        app.MapStaffPages();
    }
}
