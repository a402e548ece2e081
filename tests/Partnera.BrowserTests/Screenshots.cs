using Microsoft.Playwright;

namespace Partnera.BrowserTests;

public static class Screenshots
{
    /// <summary>Runs a browser scenario; when it fails, keeps a screenshot under TestResults/ to show what the person saw.</summary>
    public static async Task OnFailureAsync(IPage page, string name, Func<Task> scenario)
    {
        try { await scenario(); }
        catch
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
            throw;
        }
    }
}
