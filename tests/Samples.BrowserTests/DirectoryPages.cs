namespace Samples.BrowserTests;

/// <summary>What a person does on the development directory's pages.</summary>
internal static class DirectoryPages
{
    public const string Password = "Passw0rd!";

    /// <summary>On the directory's sign-in page: types the user name and password and signs in.</summary>
    public static async Task SignInAsync(IPage page, string userName)
    {
        await page.Locator("h1", new() { HasText = "Sign in" }).WaitForAsync();
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button:text-is('Sign in')");
    }
}
