using ChatAdvisor.Knowledge;
using ChatAdvisor.Languages;

namespace ChatAdvisor.Web.Site;

/// <summary>
/// The language to write a page in for a browser that gave no other clue: its Accept-Language, among the languages
/// that are switched on and have translated knowledge.
/// </summary>
internal static class PageLanguage
{
    public static string Of(HttpRequest request, KnowledgeBase knowledge, LanguageDetector languages)
    {
        var offered = knowledge.Languages.Where(languages.IsEnabled).ToList();
        var wanted = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant());
        return wanted.FirstOrDefault(code => code is not null && offered.Contains(code)) ?? "en";
    }
}
