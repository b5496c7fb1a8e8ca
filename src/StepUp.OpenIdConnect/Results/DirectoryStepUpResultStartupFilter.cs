using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace StepUp.OpenIdConnect.Results;

/// <summary>Serves <c>GET {ResultPath}</c> in front of the app's pipeline; every other request passes untouched.</summary>
internal sealed class DirectoryStepUpResultStartupFilter(IOptions<OpenIdConnectRedirectOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var path = new PathString(options.Value.ResultPath);
        app.Use((context, nextMiddleware) =>
            HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase)
                ? DirectoryStepUpResultPage.WriteAsync(context)
                : nextMiddleware(context));
        next(app);
    };
}
