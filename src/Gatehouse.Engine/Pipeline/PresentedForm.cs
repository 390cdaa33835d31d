namespace Gatehouse.Engine.Pipeline;

/// <summary>How the credential text arrived: the QR checks apply only to QR forms.</summary>
internal enum PresentedForm
{
    /// <summary>No credential: an entrance reason chosen at the desk (R-GYM-14).</summary>
    Anonymous,
    Plain,
    StaticQr,
    RotatingQr,
}
