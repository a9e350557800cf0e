using Microsoft.Playwright;

namespace GeneralistischWerkt.Training.EndToEnd;

/// <summary>
/// Screenshots of pages for a person to look at (never compared by a test): saved in $GWT_SCREENSHOTS or the temp
/// folder, named after the page and the width.
/// </summary>
internal static class Screenshots
{
    public static string Folder => Environment.GetEnvironmentVariable("GWT_SCREENSHOTS")
        ?? Path.Combine(Path.GetTempPath(), "gwt-screenshots");

    /// <summary>The page at its current width.</summary>
    public static async Task TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var width = page.ViewportSize?.Width ?? 1280;
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, $"{name}-{width}.png"), FullPage = true });
    }

    /// <summary>The page on a phone (390 px) and on a laptop (1366 px); the page keeps its own size afterwards.</summary>
    public static async Task TakeBothWidthsAsync(IPage page, string name)
    {
        var size = page.ViewportSize;
        foreach (var width in new[] { 390, 1366 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await TakeAsync(page, name);
        }
        if (size is not null) await page.SetViewportSizeAsync(size.Width, size.Height);
    }

    /// <summary>Both widths, only when a person asked for pictures (GWT_SCREENSHOTS set): a normal test run stays fast.</summary>
    public static async Task OnRequestAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("GWT_SCREENSHOTS") is { Length: > 0 }) await TakeBothWidthsAsync(page, name);
    }
}
