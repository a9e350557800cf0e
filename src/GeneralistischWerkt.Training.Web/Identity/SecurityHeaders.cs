namespace GeneralistischWerkt.Training.Web.Identity;

public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only from our own origin (no inline script, no eval); inline styles are allowed because Radzen and
    /// Blazor set style attributes. The end-to-end tests fail on any CSP violation reported in the browser console.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                // Whatever a signed-in user receives may be private (pages, the data export): no browser or proxy
                // keeps a copy. Responses that set their own caching (fingerprinted static files) keep it.
                if (context.User.Identity?.IsAuthenticated == true && string.IsNullOrEmpty(headers.CacheControl))
                    headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            await next();
        });
}
