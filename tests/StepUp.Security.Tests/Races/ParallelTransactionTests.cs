using System.Net;
using StepUp.Security.Tests.Infrastructure;

namespace StepUp.Security.Tests.Races;

/// <summary>One approved transfer executed many times at once, across two instances: it runs once.</summary>
public sealed class ParallelTransactionTests(SecuritySuite suite) : AttackTest(suite)
{
    [Fact]
    public async Task AnApprovedTransferFiredTwentyTimesAtOnceOnTwoInstancesRunsExactlyOnce()
    {
        var settings = new SecurityAppSettings();
        var network = new PhoneNetwork(Suite.Ledger);
        var a = await StartAppAsync(settings, network);
        var b = await StartAppAsync(settings, network);
        var user = NewUser();
        var phone = NewPhoneNumber();
        await AttachPhoneAsync(a, user, phone);
        var onA = await SignedInAsync(a, user);
        var onB = Browser(b, onA.Cookies);
        var payment = new Payment("op-" + Guid.NewGuid().ToString("N")[..8], "500.00", "NL91ABNA0417164300");

        using var challenge = await onA.PayAsync(payment);
        var ticket = (await challenge.JsonAsync()).GetProperty("transaction").GetString();
        await onA.StepUpAsync(a, phone, transaction: ticket);
        var statuses = await Together.StatusesAsync(20, i => (i % 2 == 0 ? onA : onB).PayAsync(payment));

        Assert.Equal(HttpStatusCode.Unauthorized, challenge.StatusCode);
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(19, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(1, settings.Executed[payment.Id]);
    }
}
