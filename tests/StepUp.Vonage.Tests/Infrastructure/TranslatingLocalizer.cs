using System.Globalization;
using Microsoft.Extensions.Localization;
using StepUp.AspNetCore.Channels;

namespace StepUp.Vonage.Tests.Infrastructure;

/// <summary>
/// Stands in for an app's resource file: "translates" StepUp's texts for the given cultures (marking them with the culture
/// name) and, like a missing resource, returns the English key for every other culture.
/// </summary>
internal sealed class TranslatingLocalizer(params string[] cultures) : IStringLocalizer<PhoneMessageComposer>
{
    public LocalizedString this[string name] => this[name, []];

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var culture = CultureInfo.CurrentUICulture;
            var translated = cultures.Any(c => culture.Name == c || culture.Parent.Name == c);
            var text = string.Format(CultureInfo.InvariantCulture, name, arguments);
            return translated
                ? new LocalizedString(name, "(" + culture.Name + ") " + text, resourceNotFound: false)
                : new LocalizedString(name, text, resourceNotFound: true);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
