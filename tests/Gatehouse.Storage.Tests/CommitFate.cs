namespace Gatehouse.Storage.Tests;

/// <summary>What <see cref="CommitAnswerDropper"/> does with one COMMIT of the event writer.</summary>
internal enum CommitFate
{
    /// <summary>Not passed on: the transaction is rolled back, and the writer sees its connection break.</summary>
    Refused,

    /// <summary>Passed on and applied; the reply is dropped and the connection closed.</summary>
    AnswerLost,
}
