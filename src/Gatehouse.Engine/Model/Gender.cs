namespace Gatehouse.Engine.Model;

/// <summary>As recorded on the profile; used only by the allowed-genders check (R-GYM-11).</summary>
public enum Gender
{
    Unspecified,
    Female,
    Male,
    Other,
}
