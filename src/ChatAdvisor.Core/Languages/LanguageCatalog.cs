using Lucene.Net.Analysis.Da;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fi;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.No;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Sv;
using Snowball = Lucene.Net.Tartarus.Snowball.Ext;

namespace ChatAdvisor.Languages;

/// <summary>
/// The languages the bot can work in. Stop words and stemmers come from Lucene.Net's analysers; what a visitor reads
/// in each language comes from <c>knowledge/&lt;code&gt;/</c>, and <c>Languages:Enabled</c> says which are offered.
/// English is always there and is the fallback. Each entry also lists what the language is called in the others, so
/// that "auf Deutsch bitte" and "in German please" both ask for German.
/// </summary>
public static class LanguageCatalog
{
    public static LanguageProfile English { get; } = new("en", "English", Knowledge.TextAnalyzer.StopWords, null, false,
        ["english", "englisch", "anglais", "engels", "inglés", "ingles", "inglese", "inglês", "engelska", "engelsk", "englanti"]);

    private static readonly Dictionary<string, LanguageProfile> s_known = new(StringComparer.Ordinal)
    {
        ["en"] = English,
        ["de"] = new("de", "Deutsch", With(GermanAnalyzer.DefaultStopSet, "was wie welche welcher welches welchen wer warum wo wann macht machen mache gibt genau eigentlich bitte man kann können muss müssen brauche braucht brauchen ist sind hallo danke"), () => new Snowball.German2Stemmer(), true,
            ["german", "deutsch", "allemand", "duits", "alemán", "aleman", "tedesco", "alemão", "tyska", "tysk", "saksa"]),
        ["fr"] = new("fr", "Français", With(FrenchAnalyzer.DefaultStopSet, "que quoi quel quelle quels quelles comment pourquoi où quand qui fait faire font exactement peut faut dois doit bonjour merci"), () => new Snowball.FrenchStemmer(), false,
            ["french", "französisch", "franzosisch", "français", "francais", "frans", "francés", "frances", "francese", "francês", "franska", "fransk", "ranska"]),
        ["nl"] = new("nl", "Nederlands", With(DutchAnalyzer.DefaultStopSet, "wat hoe welke welk wie waarom waar wanneer doet doen precies eigenlijk kan moet nodig hallo bedankt"), () => new Snowball.DutchStemmer(), true,
            ["dutch", "niederländisch", "niederlandisch", "néerlandais", "neerlandais", "nederlands", "vlaams", "neerlandés", "neerlandes", "olandese", "holandês", "nederländska", "hollandsk", "hollanti"]),
        ["es"] = new("es", "Español", With(SpanishAnalyzer.DefaultStopSet, "qué que cómo cuál cuáles quién dónde cuándo hace hacen hacer exactamente puede necesita necesito hola gracias"), () => new Snowball.SpanishStemmer(), false,
            ["spanish", "spanisch", "espagnol", "spaans", "español", "espanol", "castellano", "spagnolo", "espanhol", "spanska", "spansk", "espanja"]),
        ["it"] = new("it", "Italiano", With(ItalianAnalyzer.DefaultStopSet, "cosa che come quale quali chi perché dove quando fa fanno fare esattamente può serve servono ciao grazie"), () => new Snowball.ItalianStemmer(), false,
            ["italian", "italienisch", "italien", "italiaans", "italiano", "italienska", "italiensk", "italia"]),
        // Ready for a translation: add knowledge/<code>/ and the code to Languages:Enabled.
        ["pt"] = new("pt", "Português", PortugueseAnalyzer.DefaultStopSet, () => new Snowball.PortugueseStemmer(), false,
            ["portuguese", "portugiesisch", "portugais", "portugees", "portugués", "portugues", "portoghese", "português", "portugisiska", "portugisisk", "portugali"]),
        ["sv"] = new("sv", "Svenska", SwedishAnalyzer.DefaultStopSet, () => new Snowball.SwedishStemmer(), true,
            ["swedish", "schwedisch", "suédois", "suedois", "zweeds", "sueco", "svedese", "svenska", "svensk", "ruotsi"]),
        ["da"] = new("da", "Dansk", DanishAnalyzer.DefaultStopSet, () => new Snowball.DanishStemmer(), true,
            ["danish", "dänisch", "danisch", "danois", "deens", "danés", "danes", "danese", "dinamarquês", "danska", "dansk", "tanska"]),
        ["no"] = new("no", "Norsk", NorwegianAnalyzer.DefaultStopSet, () => new Snowball.NorwegianStemmer(), true,
            ["norwegian", "norwegisch", "norvégien", "norvegien", "noors", "noruego", "norvegese", "norueguês", "norska", "norsk", "norja"]),
        ["fi"] = new("fi", "Suomi", FinnishAnalyzer.DefaultStopSet, () => new Snowball.FinnishStemmer(), true,
            ["finnish", "finnisch", "finnois", "fins", "finlandés", "finlandes", "finlandese", "finlandês", "finska", "finsk", "suomi", "suomeksi"]),
    };

    /// <summary>
    /// Lucene's stop words plus the question words and filler verbs a visitor's question is made of ("Was macht …?",
    /// "Cosa fa …?"), which say nothing about the topic, as the English list has them.
    /// </summary>
    private static IEnumerable<string> With(IEnumerable<string> stopWords, string questionWords) =>
        stopWords.Concat(questionWords.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Every language the catalog can offer, English first.</summary>
    public static IEnumerable<LanguageProfile> Known => s_known.Values;

    public static LanguageProfile? Find(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : s_known.GetValueOrDefault(Primary(code));

    /// <summary>The primary subtag of a BCP 47 locale ("de-CH" → "de").</summary>
    public static string Primary(string locale)
    {
        var dash = locale.IndexOfAny(['-', '_']);
        return (dash < 0 ? locale : locale[..dash]).Trim().ToLowerInvariant();
    }
}
