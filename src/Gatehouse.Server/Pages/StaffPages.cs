using Gatehouse.Server.Auth;
using Gatehouse.Server.Desk;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.FileProviders;

namespace Gatehouse.Server.Pages;

/// <summary>
/// The staff web pages (Razor Pages, server-rendered) and the desk's live feed. Pages call the same services as
/// the API (R-OPS-06); this only wires them in.
/// </summary>
public static class StaffPages
{
    public static IServiceCollection AddStaffPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/", StaffPolicies.Staff);
                options.Conventions.AllowAnonymousToPage("/SignIn");
                options.Conventions.AllowAnonymousToPage("/Denied");
                foreach (var folder in AdministratorFolders)
                {
                    options.Conventions.AuthorizeFolder(folder, StaffPolicies.Administrator);
                }
            })
            .AddMvcOptions(options => options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true)

            // The host's application name is the test runner when tests host the server: name the page assembly.
            .ConfigureApplicationPartManager(parts =>
            {
                var assembly = typeof(StaffPages).Assembly;
                if (!parts.ApplicationParts.OfType<AssemblyPart>().Any(part => part.Assembly == assembly))
                {
                    // The factory also yields the compiled Razor part, without which no page is found.
                    foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                    {
                        parts.ApplicationParts.Add(part);
                    }
                }
            });
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, PageRedirects.Apply);
        services.AddDeskServices();
        return services;
    }

    public static WebApplication MapStaffPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Beside the executable, whatever the working directory: `dotnet run`, the test host and a published copy alike.
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot")) });
        app.MapRazorPages();
        app.MapDeskStream();
        app.MapDeskApi();
        return app;
    }

    /// <summary>Owner and administrator only (R-OPS-01): receptionists get the "not allowed" page.</summary>
    private static readonly string[] AdministratorFolders = ["/Logics", "/Devices", "/Import", "/Reports"];
}
