using Collections.Persistence.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collections.Web.Pages;

/// <summary>Sign-out (POST only, with the antiforgery token of the layout's form).</summary>
public sealed class LogoutModel(SignInManager<WebUser> signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync().ConfigureAwait(false);
        return Redirect("/login");
    }
}
