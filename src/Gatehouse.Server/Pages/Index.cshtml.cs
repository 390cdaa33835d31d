using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Server.Pages;

/// <summary>The start page: receptionists work at the desk, administrators start with today's visits.</summary>
public sealed class IndexModel : StaffPageModel
{
    public IActionResult OnGet() => Redirect(Staff.IsAdministrator ? "/Visits" : "/Desk");
}
