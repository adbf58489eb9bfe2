namespace ChatAdvisor.Cvs;

/// <summary>
/// An option a dialog offers: <see cref="Value"/> is what the dialog acts on, <see cref="Title"/> the button text,
/// <see cref="Synonyms"/> other words that pick it. <see cref="Meaning"/> lets "yeah", "nope" or "skip it" pick it.
/// An <see cref="Explicit"/> option is picked only by its own words, its number or a clear yes; never from inside
/// a sentence, a typo or a vague reply (consent).
/// </summary>
public sealed record Choice(string Value, string Title, ChoiceMeaning Meaning = ChoiceMeaning.None, bool Explicit = false)
{
    public IReadOnlyList<string> Synonyms { get; init; } = [];
}

public enum ChoiceMeaning
{
    None,
    Yes,
    No,
    Skip,
}
