namespace Gatehouse.Server.Import;

/// <summary>The per-row report of an import (R-OPS-05): every rejected row and why; accepted rows with the new person's id.</summary>
public sealed record ImportReport(int Accepted, int Rejected, IReadOnlyList<ImportRowResult> Rows);
