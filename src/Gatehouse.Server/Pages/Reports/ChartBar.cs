namespace Gatehouse.Server.Pages.Reports;

/// <summary>One bar of a report chart, split by outcome.</summary>
public sealed record ChartBar(string Label, int Granted, int Warning, int Denied)
{
    public int Total => Granted + Warning + Denied;
}
