using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StepUp.AspNetCore;

/// <summary>Routes StepUp's pages under <see cref="StepUpOptions.StepUpPath"/>.</summary>
internal sealed class StepUpPageRoutes(IOptions<StepUpOptions> options) : IConfigureOptions<RazorPagesOptions>
{
    public void Configure(RazorPagesOptions pages)
    {
        var root = options.Value.StepUpPath.Trim('/');
        pages.Conventions.AddAreaPageRoute("StepUp", "/Verify", root);
        pages.Conventions.AddAreaPageRoute("StepUp", "/Phone", root + "/phone");
        pages.Conventions.AddAreaPageRoute("StepUp", "/Outbox", root + "/dev/outbox");
    }
}
