namespace ChatAdvisor.Advice;

/// <summary>
/// Countries, regions and large cities, so that a question about a place the guides never name ("ML engineer
/// salary in Munich?") is recognised as asking for something they do not have, however close its topic is.
/// </summary>
internal static class Places
{
    private static readonly HashSet<string> s_names = new(
        """
        europe european eu uk britain england scotland wales ireland france germany deutschland netherlands holland
        belgium luxembourg switzerland austria italy spain portugal denmark sweden norway finland iceland poland
        czechia czech slovakia hungary romania bulgaria greece croatia slovenia serbia estonia latvia lithuania
        ukraine turkey russia usa us america canada mexico brazil argentina india china japan korea singapore
        australia africa asia israel dubai uae
        london paris berlin munich hamburg frankfurt cologne stuttgart amsterdam rotterdam utrecht eindhoven leiden
        brussels antwerp ghent basel zurich geneva lausanne bern vienna milan rome turin madrid barcelona lisbon porto
        copenhagen stockholm gothenburg oslo helsinki dublin cork edinburgh glasgow manchester cambridge oxford
        warsaw krakow prague budapest bucharest athens boston york francisco
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>The place names among a question's words (lower case, accents removed).</summary>
    public static IEnumerable<string> In(IEnumerable<string> words)
    {
        var list = words.ToList();
        // Two-word names count by their first word; "united states" is not "united" in a guide.
        var joined = list.Zip(list.Skip(1), (a, b) => $"{a} {b}").Where(s_twoWords.Contains);
        return list.Where(s_names.Contains).Concat(joined).Distinct(StringComparer.Ordinal);
    }

    private static readonly HashSet<string> s_twoWords = new(StringComparer.Ordinal)
    {
        "united states", "united kingdom", "new york", "san francisco", "great britain", "czech republic", "south africa",
    };
}
