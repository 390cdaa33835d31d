namespace Gatehouse.Server.Jobs;

/// <summary><c>Gatehouse:Jobs</c>: how often the background jobs look for due work, and how long a claim holds.</summary>
public sealed class JobOptions
{
    public const string Section = "Gatehouse:Jobs";

    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A node that crashes mid-job loses its claim after this long; another node then runs the job.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);
}
