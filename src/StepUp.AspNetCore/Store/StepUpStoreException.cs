namespace StepUp.AspNetCore.Store;

/// <summary>
/// The store could not be reached or did not answer in time. StepUp answers 503 on protected endpoints (fail closed).
/// The message never contains a key, a phone number or a code.
/// </summary>
public sealed class StepUpStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StepUpStoreException()
        : base("The StepUp store is unavailable.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public StepUpStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public StepUpStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
