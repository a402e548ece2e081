namespace Partnera.Tests.Infrastructure;

/// <summary>For work the app does in the background (jobs, the mail outbox): wait until it shows, or fail after a minute.</summary>
public static class Waiting
{
    public static async Task UntilAsync(Func<Task<bool>> done)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60); waited += TimeSpan.FromMilliseconds(250))
        {
            if (await done()) return;
            await Task.Delay(250);
        }
        Assert.Fail("Did not happen within a minute.");
    }
}
