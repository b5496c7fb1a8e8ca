namespace StepUp.Vonage;

/// <summary>Records which mode <c>AddVonage</c> registered services for, so start-up can tell if the options changed it later.</summary>
/// <param name="Mode">The mode the services were registered for.</param>
internal sealed record VonageRegistration(VonageMode Mode);
