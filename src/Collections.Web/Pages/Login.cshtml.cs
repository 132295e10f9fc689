using Collections.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collections.Web.Pages;

/// <summary>Sign-in with an account from the database; repeated failures lock the account (AccountSetup).</summary>
public sealed class LoginModel(SignInManager<WebUser> signIn, ILogger<LoginModel> log) : PageModel
{
    public string? Error { get; private set; }
    public string? UserName { get; private set; }
    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? userName, string? password, string? returnUrl)
    {
        UserName = userName;
        ReturnUrl = returnUrl;
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
        {
            Error = "Enter your user name and password.";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(userName, password, isPersistent: false, lockoutOnFailure: true).ConfigureAwait(false);
        if (result.Succeeded)
        {
            log.LogInformation("sign-in {User}", userName);
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        }
        if (result.IsLockedOut)
        {
            log.LogWarning("sign-in {User}: locked out", userName);
            Error = "This account is locked after repeated failed sign-ins. Try again later or ask an administrator.";
        }
        else
        {
            Error = "User name or password is wrong.";
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
