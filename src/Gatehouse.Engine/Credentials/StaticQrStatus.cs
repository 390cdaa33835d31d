namespace Gatehouse.Engine.Credentials;

/// <summary>The result of reading a static QR's text: only a genuine code is worth looking up.</summary>
public enum StaticQrStatus
{
    Genuine,

    /// <summary>Not in the <c>GH1.</c> format at all, or a part does not parse.</summary>
    Malformed,

    /// <summary>Well formed, but not signed with the organization's key: forged or altered.</summary>
    SignatureInvalid,
}
