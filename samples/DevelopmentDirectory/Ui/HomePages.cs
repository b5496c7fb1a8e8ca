using StepUp.AspNetCore.Development;
using StepUp.DevelopmentDirectory.Protocol;

namespace StepUp.DevelopmentDirectory.Ui;

/// <summary>The directory's home page (tenant, issuer, policies, demo users) and its development outbox (codes sent).</summary>
internal sealed class HomePages(DevelopmentDirectoryOptions options, DirectoryOrigin origin, DevelopmentOutbox outbox)
{
    public IResult Home()
    {
        var rows = string.Concat(options.Policies.Select(p =>
            $"<tr><td>{Html.E(p.Id)}</td><td>{Html.E(p.Kind.ToString())}</td><td>{(p.RequireMfa ? "phone" : "—")}</td>" +
            $"<td>{Html.Link($"/{options.Tenant}/{p.Id}/{DirectoryPaths.Metadata}", "metadata")}</td></tr>"));
        var accounts = string.Concat(options.Accounts.Select(a =>
            $"<li><strong>{Html.E(a.UserName)}</strong> / <code>{Html.E(a.Password)}</code> — {Html.E(a.DisplayName)}{(a.PhoneNumber is null ? ", no phone" : ", verified phone")}</li>"));
        return Html.Page("Development directory",
            $"<p>Tenant <code>{Html.E(options.Tenant)}</code>, issuer <code>{Html.E(origin.Issuer.AbsoluteUri)}</code>.</p>" +
            $"<table><tr><th>Policy</th><th>Kind</th><th>MFA</th><th></th></tr>{rows}</table>" +
            $"<h2>Demo accounts</h2><ul>{accounts}<li>the social account \"{Html.E(options.SocialDisplayName)}\" (button on the sign-in page)</li></ul>" +
            $"<p>{Html.Link(DirectoryPaths.Outbox, "Development outbox (codes sent)")}</p>");
    }

    public IResult Outbox()
    {
        var items = string.Concat(outbox.Messages.Select(m =>
            $"<li>{Html.E(m.SentAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture))} · {Html.E(m.Channel.ToString())}" +
            (m.Code is null ? string.Empty : $" · code <strong>{Html.E(m.Code)}</strong>") + $"<br>{Html.E(m.Text)}</li>"));
        return Html.Page("Development outbox", items.Length == 0 ? "<p>No messages yet.</p>" : $"<ol>{items}</ol>");
    }
}
