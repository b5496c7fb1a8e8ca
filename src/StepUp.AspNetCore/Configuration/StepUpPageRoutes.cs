using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StepUp.AspNetCore;

/// <summary>Routes StepUp's pages under <see cref="StepUpOptions.StepUpPath"/> only (their default area routes are replaced).</summary>
internal sealed class StepUpPageRoutes(IOptions<StepUpOptions> options) : IConfigureOptions<RazorPagesOptions>
{
    public void Configure(RazorPagesOptions pages)
    {
        var root = options.Value.StepUpPath.Trim('/');
        Route(pages, "/Verify", root);
        Route(pages, "/Phone", root + "/phone");
        Route(pages, "/Outbox", root + "/dev/outbox");
    }

    private static void Route(RazorPagesOptions pages, string page, string template) =>
        pages.Conventions.AddAreaPageRouteModelConvention("StepUp", page, model =>
        {
            model.Selectors.Clear();
            model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = template } });
        });
}
