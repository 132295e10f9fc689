using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Collections.Web.Pages;

/// <summary>The home page: what the signed-in account may open.</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
