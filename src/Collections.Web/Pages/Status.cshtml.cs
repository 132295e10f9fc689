using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collections.Web.Pages;

/// <summary>The body of an error status (404, 403, 400, 500); the status code itself is kept.</summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        (Title, Text) = code switch
        {
            404 => ("Not found", "There is nothing here, or nothing you may see."),
            403 => ("Not allowed", "Your account's role does not give access to this page."),
            400 => ("Bad request", "The request was not understood (a form may have expired: reload the page and try again)."),
            401 => ("Sign-in needed", "Sign in first."),
            _ => ("Error", "Something went wrong; the server log has the details."),
        };
        var page = Page();
        // a direct visit answers 200; a re-executed error keeps its own status
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null) Response.StatusCode = StatusCodes.Status200OK;
        return page;
    }
}
