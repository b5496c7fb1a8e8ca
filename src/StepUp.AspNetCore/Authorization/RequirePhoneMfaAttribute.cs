using System.Globalization;
using Microsoft.AspNetCore.Authorization;

namespace StepUp.AspNetCore;

/// <summary>
/// Requires a fresh phone second factor (text message or voice call) for a controller, an action or a Razor page.
/// Composes with <c>[Authorize]</c>; no policy needs to be registered.
/// </summary>
/// <example><code>[RequirePhoneMfa(MaxAge = "00:10:00")]</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class RequirePhoneMfaAttribute : Attribute, IAuthorizationRequirementData
{
    private string? _maxAge;
    private PhoneMfaRequirement? _requirement;

    /// <summary>
    /// How recent the second factor must be, as a <see cref="TimeSpan"/> string (<c>"00:10:00"</c>); unset for the app default.
    /// </summary>
    public string? MaxAge
    {
        get => _maxAge;
        set
        {
            if (value is not null && (!TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var age) || age <= TimeSpan.Zero))
            {
                throw new FormatException($"[RequirePhoneMfa] MaxAge '{value}' is not a positive time span such as \"00:10:00\".");
            }

            _maxAge = value;
            _requirement = null;
        }
    }

    /// <summary>Allowed channels; unset for the app default.</summary>
    public PhoneChannels Channels { get; set; }

    /// <summary>How to satisfy it; unset for the app default.</summary>
    public StepUpMode Mode { get; set; }

    /// <summary>The requirement this attribute stands for.</summary>
    public PhoneMfaRequirement Requirement => _requirement ??= new PhoneMfaRequirement(
        _maxAge is null ? null : TimeSpan.Parse(_maxAge, CultureInfo.InvariantCulture),
        Channels,
        Mode);

    /// <inheritdoc />
    public IEnumerable<IAuthorizationRequirement> GetRequirements()
    {
        yield return Requirement;
    }
}
