using System.Net;
using StepUp.AspNetCore.Store;
using StepUp.Testing.Hosting;

namespace StepUp.AspNetCore.Tests.Authorization;

public sealed class StoreOutageTests
{
    private static async Task<(StepUpTestApp App, SwitchableStore Store)> StartAsync()
    {
        SwitchableStore? store = null;
        var app = await StepUpTestApp.StartAsync(stepUp: b => b.Services.AddSingleton<IStepUpStore>(sp => store = new SwitchableStore(sp.GetRequiredService<TimeProvider>())));
        _ = app.Services.GetRequiredService<IStepUpStore>();
        return (app, store!);
    }

    [Fact]
    public async Task ProtectedEndpointsFailClosedWith503WhileOthersKeepServingAndServiceResumes()
    {
        var (app, store) = await StartAsync();
        await using var _ = app;
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        await browser.StepUpAsync(app, StepUpApi.AlicePhone);

        store.Down = true;
        var page = await browser.GetAsync("/sensitive");
        using var apiRequest = new HttpRequestMessage(HttpMethod.Post, "/api/transfers");
        apiRequest.Headers.Accept.ParseAdd("application/json");
        var api = await browser.Http.SendAsync(apiRequest, TestContext.Current.CancellationToken);
        var start = await browser.StartAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("Temporarily unavailable", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, start.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/public")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account")).StatusCode);
        var (stepUpPage, _) = await browser.GetPageAsync("/stepup");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stepUpPage.StatusCode);

        store.Down = false;
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/sensitive")).StatusCode);
    }

    [Fact]
    public async Task EndpointsWithoutTheRequirementNeverCallTheStore()
    {
        var (app, store) = await StartAsync();
        await using var _ = app;
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        var before = store.Calls;

        for (var i = 0; i < 5; i++)
        {
            await browser.GetAsync("/public");
            await browser.GetAsync("/account");
        }

        Assert.Equal(before, store.Calls);
        await browser.GetAsync("/sensitive");
        Assert.Equal(before, store.Calls); // No grant claim in the session: not even the protected endpoint needs the store.
    }

    [Fact]
    public async Task AProtectedRequestWithAGrantCostsExactlyOneStoreCall()
    {
        var (app, store) = await StartAsync();
        await using var _ = app;
        await app.AttachPhoneAsync(StepUpApi.Alice, StepUpApi.AlicePhone);
        using var browser = await app.SignedInBrowserAsync(StepUpApi.Alice);
        await browser.StepUpAsync(app, StepUpApi.AlicePhone);
        var before = store.Calls;

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/sensitive")).StatusCode);

        Assert.Equal(before + 1, store.Calls);
    }
}
