namespace StepUp.Vonage.Http;

/// <summary>Phone numbers as Vonage's APIs want them: E.164 digits without the leading <c>+</c>.</summary>
internal static class VonageNumber
{
    /// <summary><c>+31612345678</c> becomes <c>31612345678</c>; anything else (an alphanumeric sender id) is kept.</summary>
    public static string From(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return value[0] == '+' ? value[1..] : value;
    }
}
