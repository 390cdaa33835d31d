namespace Gatehouse.Engine.Model;

/// <summary>Who owes an invoice: the person themselves or their company (corporate membership, R-GYM-02).</summary>
public enum Payer
{
    Person,
    Company,
}
