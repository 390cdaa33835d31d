using System.Globalization;
using System.Security.Claims;
using Gatehouse.Engine.Model;
using Gatehouse.Storage;

namespace Gatehouse.Server.Auth;

/// <summary>The signed-in staff user as the claims of a cookie or bearer token carry them.</summary>
public sealed record StaffClaims(long UserId, string UserName, OrganizationId Organization, StaffRole Role, DeviceId? Desk, SiteId? Site)
{
    private const string OrganizationClaim = "gatehouse:org";
    private const string DeskClaim = "gatehouse:desk";
    private const string SiteClaim = "gatehouse:site";

    public bool IsAdministrator => Role is StaffRole.Owner or StaffRole.Administrator;

    public ClaimsPrincipal ToPrincipal(string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, UserId.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, UserName),
            new(ClaimTypes.Role, Role.ToString()),
            new(OrganizationClaim, Organization.ToString()),
        };
        if (Desk is { } desk)
        {
            claims.Add(new Claim(DeskClaim, desk.ToString()));
        }

        if (Site is { } site)
        {
            claims.Add(new Claim(SiteClaim, site.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Minimal API binding: an endpoint that takes <see cref="StaffClaims"/> requires a signed-in staff user.</summary>
    public static ValueTask<StaffClaims?> BindAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(From(context.User));
    }

    /// <summary>Null when the principal is not a signed-in staff user (the endpoint then answers 401).</summary>
    public static StaffClaims? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true
            || !long.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            || !long.TryParse(user.FindFirstValue(OrganizationClaim), out var org)
            || !Enum.TryParse<StaffRole>(user.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return null;
        }

        return new StaffClaims(
            id,
            user.Identity.Name ?? string.Empty,
            new OrganizationId(org),
            role,
            long.TryParse(user.FindFirstValue(DeskClaim), out var desk) ? new DeviceId(desk) : null,
            long.TryParse(user.FindFirstValue(SiteClaim), out var site) ? new SiteId(site) : null);
    }
}
