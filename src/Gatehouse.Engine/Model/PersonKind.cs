namespace Gatehouse.Engine.Model;

/// <summary>Who a person is to the organization; employees follow the logic's employee policy (R-GYM-12).</summary>
public enum PersonKind
{
    Member,
    Guest,
    Visitor,
    Employee,
}
