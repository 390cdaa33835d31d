namespace Gatehouse.Engine.Model;

/// <summary>The way a person passes on one scan.</summary>
public enum Direction
{
    In,
    Out,
}
