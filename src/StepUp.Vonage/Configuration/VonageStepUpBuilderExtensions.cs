using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StepUp.AspNetCore;
using StepUp.AspNetCore.Channels;
using StepUp.Vonage;
using StepUp.Vonage.Authentication;
using StepUp.Vonage.Channels;
using StepUp.Vonage.Http;
using StepUp.Vonage.Sms;
using StepUp.Vonage.VerifyV2;
using StepUp.Vonage.Voice;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Vonage to StepUp: <c>AddStepUp(…).AddVonage(configuration.GetSection("StepUp:Vonage"))</c>.</summary>
public static class VonageStepUpBuilderExtensions
{
    /// <summary>
    /// Sends codes through Vonage, with options bound from <paramref name="configuration"/> (the <c>StepUp:Vonage</c> section)
    /// and validated at start-up. <see cref="VonageOptions.Mode"/> is read now: <see cref="VonageMode.Messages"/> registers an
    /// <see cref="IPhoneChannel"/> (SMS API and Voice API); <see cref="VonageMode.Verify"/> registers an
    /// <see cref="IPhoneVerificationProvider"/> (Verify v2), plus an SMS <see cref="IPhoneChannel"/> for the phone-changed
    /// notice when <see cref="VonageOptions.ApiKey"/>, <see cref="VonageOptions.ApiSecret"/> and <see cref="VonageOptions.SmsFrom"/>
    /// are set. Replaces a channel added before (such as the development outbox). Calling it again is harmless.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddStepUp</c>.</param>
    /// <param name="configuration">The <c>StepUp:Vonage</c> configuration section.</param>
    /// <param name="configure">Further settings, applied after the configuration.</param>
    public static StepUpBuilder AddVonage(this StepUpBuilder builder, IConfiguration configuration, Action<VonageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.Configure<VonageOptions>(configuration);
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return Register(builder);
    }

    /// <summary>
    /// Sends codes through Vonage, with options set by <paramref name="configure"/> and validated at start-up. The delegate also
    /// runs once now, to read <see cref="VonageOptions.Mode"/>; see <see cref="AddVonage(StepUpBuilder, IConfiguration, Action{VonageOptions})"/>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddStepUp</c>.</param>
    /// <param name="configure">The settings.</param>
    public static StepUpBuilder AddVonage(this StepUpBuilder builder, Action<VonageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return Register(builder);
    }

    private static StepUpBuilder Register(StepUpBuilder builder)
    {
        var services = builder.Services;
        var probe = ConfiguredSoFar(services);

        services.AddOptions<VonageOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VonageOptions>, VonageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VonageJwtSigner>();
        services.TryAddTransient<VonageJwtHandler>();
        services.TryAddTransient<VonageVerifyAuthenticationHandler>();
        services.TryAddSingleton<ISmsClient, SmsClient>();
        services.TryAddSingleton<IVoiceClient, VoiceClient>();
        services.TryAddSingleton<IVerifyV2Client, VerifyV2Client>();
        if (!services.Any(d => d.ServiceType == typeof(VonageRegistration)))
        {
            AddHttpClients(services);
        }

        // The mode decides which StepUp contract Vonage fulfils; the last AddVonage() wins.
        services.RemoveAll<VonageRegistration>();
        services.AddSingleton(new VonageRegistration(probe.Mode));
        services.RemoveAll<IPhoneChannel>();
        services.RemoveAll<IPhoneVerificationProvider>();
        switch (probe.Mode)
        {
            case VonageMode.Messages:
                services.AddSingleton<IPhoneChannel, VonagePhoneChannel>();
                break;

            case VonageMode.Verify:
                services.AddSingleton<IPhoneVerificationProvider, VonageVerificationProvider>();
                if (!string.IsNullOrWhiteSpace(probe.ApiKey) && !string.IsNullOrWhiteSpace(probe.ApiSecret) && !string.IsNullOrWhiteSpace(probe.SmsFrom))
                {
                    // Verify sends only codes; the notice to a replaced number goes by the SMS API.
                    services.AddSingleton<IPhoneChannel, VonagePhoneChannel>();
                }

                break;
        }

        return builder;
    }

    private static void AddHttpClients(IServiceCollection services)
    {
        // Named clients created per request by the API clients (singletons), so handler rotation and DNS changes apply.
        services.AddHttpClient(VonageDefaults.SmsClientName, (sp, http) => Configure(http, sp, o => o.SmsBaseUrl))
            .AddResilienceHandler(VonageDefaults.SmsClientName, (pipeline, context) =>
                VonageResilience.Configure(pipeline, context, "SMS API", SmsClient.IsTransientAsync));

        // Handlers added after the resilience handler sit inside it: every attempt is authenticated afresh.
        var voice = services.AddHttpClient(VonageDefaults.VoiceClientName, (sp, http) => Configure(http, sp, o => o.ApiBaseUrl));
        voice.AddResilienceHandler(VonageDefaults.VoiceClientName, (pipeline, context) => VonageResilience.Configure(pipeline, context, "Voice API"));
        voice.AddHttpMessageHandler<VonageJwtHandler>();

        var verify = services.AddHttpClient(VonageDefaults.VerifyClientName, (sp, http) => Configure(http, sp, o => o.ApiBaseUrl));
        verify.AddResilienceHandler(VonageDefaults.VerifyClientName, (pipeline, context) => VonageResilience.Configure(pipeline, context, "Verify v2"));
        verify.AddHttpMessageHandler<VonageVerifyAuthenticationHandler>();
    }

    private static void Configure(HttpClient http, IServiceProvider services, Func<VonageOptions, Uri> baseUrl)
    {
        var options = services.GetRequiredService<IOptions<VonageOptions>>().Value;
        var url = baseUrl(options).ToString();
        http.BaseAddress = new Uri(url.EndsWith('/') ? url : url + "/");

        // The resilience pipeline owns time; this is only a backstop above its budget.
        http.Timeout = options.TotalTimeout + TimeSpan.FromSeconds(5);
    }

    /// <summary>
    /// The options as configured so far (every <c>Configure</c> call registered as an instance, in order), to read the mode
    /// and the credentials at registration. Start-up validation fails if later configuration changes the mode.
    /// </summary>
    private static VonageOptions ConfiguredSoFar(IServiceCollection services)
    {
        var probe = new VonageOptions();
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(IConfigureOptions<VonageOptions>)).ToList())
        {
            switch (descriptor.ImplementationInstance)
            {
                case IConfigureNamedOptions<VonageOptions> named:
                    named.Configure(Options.Options.DefaultName, probe);
                    break;
                case IConfigureOptions<VonageOptions> unnamed:
                    unnamed.Configure(probe);
                    break;
            }
        }

        return probe;
    }
}
