namespace StepUp.Testing;

/// <summary>Marker for the shared test library.</summary>
internal static class TestAssemblyInfo;
