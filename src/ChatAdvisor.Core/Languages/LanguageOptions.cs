using System.ComponentModel.DataAnnotations;

namespace ChatAdvisor.Languages;

/// <summary>The visitor languages on offer (<c>Languages:Enabled</c>, ISO 639-1 codes); English is always one of them.</summary>
public sealed class LanguageOptions : IValidatableObject
{
    public const string SectionName = "Languages";

    /// <summary>The languages shipped with translated guides, when <see cref="Enabled"/> names none.</summary>
    public static IReadOnlyList<string> Default { get; } = ["en", "de", "fr", "nl", "es", "it"];

    /// <summary>Empty means <see cref="Default"/> (a configured list replaces it rather than adding to it).</summary>
    public List<string> Enabled { get; set; } = [];

    public IReadOnlyList<string> Effective => Enabled.Count > 0 ? Enabled : Default;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var unknown = Enabled.Where(c => LanguageCatalog.Find(c) is null).ToList();
        if (unknown.Count > 0)
        {
            yield return new ValidationResult(
                $"Languages:Enabled names languages the catalog does not know: {string.Join(", ", unknown)}. Known: {string.Join(", ", LanguageCatalog.Known.Select(l => l.Code))}.",
                [nameof(Enabled)]);
        }
    }
}
