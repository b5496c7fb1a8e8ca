using System.Diagnostics.Metrics;

namespace StepUp.AspNetCore.Diagnostics;

/// <summary>Counters on the <c>StepUp</c> meter.</summary>
internal sealed class StepUpMetrics
{
    private readonly Counter<long> _challenges;
    private readonly Counter<long> _sends;
    private readonly Counter<long> _verifications;
    private readonly Counter<long> _grants;

    public StepUpMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(StepUpDefaults.MeterName);
        _challenges = meter.CreateCounter<long>("stepup.challenges", "{challenge}", "Step-up challenges issued by protected endpoints.");
        _sends = meter.CreateCounter<long>("stepup.code_sends", "{send}", "Codes requested, by channel and outcome.");
        _verifications = meter.CreateCounter<long>("stepup.verifications", "{check}", "Code checks, by outcome.");
        _grants = meter.CreateCounter<long>("stepup.grants", "{grant}", "Step-up grants recorded.");
    }

    public void Challenge(StepUpMode mode, string response) =>
        _challenges.Add(1, new("stepup.mode", mode.ToString()), new("stepup.response", response));

    public void Send(PhoneChannel channel, string outcome) =>
        _sends.Add(1, new("stepup.channel", channel.ToString()), new("stepup.outcome", outcome));

    public void Verification(string outcome) => _verifications.Add(1, new KeyValuePair<string, object?>("stepup.outcome", outcome));

    public void Grant(PhoneChannel channel) => _grants.Add(1, new KeyValuePair<string, object?>("stepup.channel", channel.ToString()));
}
