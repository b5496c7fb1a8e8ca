namespace StepUp.Benchmarks.Hosting;

/// <summary>The endpoints every benchmark app maps.</summary>
public static class BenchmarkPaths
{
    /// <summary>No authorization metadata at all: StepUp must not touch it (section 1).</summary>
    public const string Anonymous = "/anonymous";

    /// <summary><c>.RequireAuthorization()</c>: the baseline of section 2.</summary>
    public const string Authorized = "/authorized";

    /// <summary><c>.RequireAuthorization().RequirePhoneMfa()</c>: satisfied by a live grant in section 2.</summary>
    public const string SteppedUp = "/stepped-up";

    /// <summary>Benchmark-only cookie sign-in (no directory), <c>POST ?user=ID</c>.</summary>
    public const string SignIn = "/bench/sign-in";
}
