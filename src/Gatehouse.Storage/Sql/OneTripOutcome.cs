namespace Gatehouse.Storage.Sql;

/// <summary>How a batch sent in one round trip (<see cref="OneRoundTrip"/>) came out.</summary>
internal enum OneTripOutcome
{
    /// <summary>Not as planned: roll the transaction back and write the batch step by step.</summary>
    Redo,

    /// <summary>Written as planned; the transaction is open and the writer commits it.</summary>
    Written,

    /// <summary>Written as planned and committed in the same round trip.</summary>
    Committed,
}
