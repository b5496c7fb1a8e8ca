using Microsoft.AspNetCore.Mvc.ApplicationModels;
using StepUp.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Razor Pages conventions: require phone MFA for a folder or a page.</summary>
public static class PhoneMfaPageConventionExtensions
{
    /// <summary>Requires a fresh phone second factor for every page under <paramref name="folderPath"/> (e.g. <c>/Transfers</c>).</summary>
    public static PageConventionCollection RequirePhoneMfaForFolder(
        this PageConventionCollection conventions,
        string folderPath,
        TimeSpan? maxAge = null,
        PhoneChannels channels = PhoneChannels.None,
        StepUpMode mode = StepUpMode.Default)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        var data = new PhoneMfaRequirementData(new PhoneMfaRequirement(maxAge, channels, mode));
        conventions.AddFolderApplicationModelConvention(folderPath, model => model.EndpointMetadata.Add(data));
        return conventions;
    }

    /// <summary>Requires a fresh phone second factor for the page <paramref name="pageName"/> (e.g. <c>/Transfer</c>).</summary>
    public static PageConventionCollection RequirePhoneMfaForPage(
        this PageConventionCollection conventions,
        string pageName,
        TimeSpan? maxAge = null,
        PhoneChannels channels = PhoneChannels.None,
        StepUpMode mode = StepUpMode.Default)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        var data = new PhoneMfaRequirementData(new PhoneMfaRequirement(maxAge, channels, mode));
        conventions.AddPageApplicationModelConvention(pageName, model => model.EndpointMetadata.Add(data));
        return conventions;
    }
}
