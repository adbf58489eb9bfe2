using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Query;

namespace ChatAdvisor.Review;

/// <summary>Query pieces shared by the review services; everything here translates on SQLite and PostgreSQL.</summary>
internal static class ReviewSql
{
    public const string Declined = "declined";
    public const string User = "user";
    public const string Bot = "bot";
    public const string Message = "message";

    private const string Escape = "\\";

    /// <summary>A LIKE pattern that finds <paramref name="text"/> anywhere, its own <c>%</c>, <c>_</c> and <c>\</c> taken literally.</summary>
    public static string ContainsPattern(string text) =>
        "%" + text.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal) + "%";

    /// <summary>
    /// Rows whose <paramref name="column"/> contains any of <paramref name="texts"/>, ignoring case: ILIKE on PostgreSQL,
    /// LIKE on SQLite (which folds ASCII letters only).
    /// </summary>
    public static IQueryable<T> WhereContains<T>(this IQueryable<T> source, DatabaseFacade database, Expression<Func<T, string?>> column, params string[] texts)
    {
        var npgsql = database.IsNpgsql();
        Expression? any = null;
        foreach (var text in texts)
        {
            var pattern = ContainsPattern(text);
            Expression<Func<string?, bool>> like = npgsql
                ? s => s != null && EF.Functions.ILike(s, pattern, Escape)
                : s => s != null && EF.Functions.Like(s, pattern, Escape);
            var body = ReplacingExpressionVisitor.Replace(like.Parameters[0], column.Body, like.Body);
            any = any is null ? body : Expression.OrElse(any, body);
        }
        return any is null ? source : source.Where(Expression.Lambda<Func<T, bool>>(any, column.Parameters));
    }

    /// <summary>The section keys (<c>guideId#sectionId</c>) of an answer's stored citations; none when absent or unreadable.</summary>
    public static IReadOnlyList<string> Citations(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        try
        {
            return [.. (JsonSerializer.Deserialize<List<string?>>(json) ?? []).OfType<string>()];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The guide id of a section key (<c>guideId#sectionId</c>).</summary>
    public static string GuideId(string citation)
    {
        var hash = citation.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? citation : citation[..hash];
    }

    /// <summary>At most <paramref name="length"/> characters, ending with an ellipsis when cut; never splits a surrogate pair.</summary>
    public static string Truncate(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }
        var cut = length - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        return text[..cut] + "…";
    }

    /// <summary>A one-line excerpt around the first case-insensitive match of <paramref name="search"/>, or null without one.</summary>
    public static string? Snippet(string text, string search, int radius)
    {
        var index = text.IndexOf(search, StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return null;
        }
        var start = Math.Max(0, index - radius);
        var end = Math.Min(text.Length, index + search.Length + radius);
        if (start > 0 && char.IsLowSurrogate(text[start]))
        {
            start--;
        }
        if (end < text.Length && char.IsLowSurrogate(text[end]))
        {
            end++;
        }
        var excerpt = string.Join(' ', text[start..end].Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return (start > 0 ? "…" : "") + excerpt + (end < text.Length ? "…" : "");
    }
}
