namespace Gatehouse.Server.Employees;

/// <summary>The employee feature's services and endpoints (its store is the visitor store, registered by AddVisitors).</summary>
public static class EmployeeServices
{
    public static IServiceCollection AddEmployees(this IServiceCollection services)
    {
        services.AddOptions<EmployeeOptions>().BindConfiguration(EmployeeOptions.Section);
        services.AddSingleton<EmployeeProvisioning>();
        services.AddSingleton<RotatingQrEnrolment>();
        return services;
    }

    public static IEndpointRouteBuilder MapEmployeesApi(this IEndpointRouteBuilder app)
    {
        app.MapEmployeeEndpoints();
        app.MapCompanyEndpoints();
        return app;
    }
}
