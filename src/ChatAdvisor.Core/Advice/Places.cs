namespace ChatAdvisor.Advice;

/// <summary>
/// Countries, regions and large cities, so that a question about a place the guides never name ("ML engineer
/// salary in Munich?", "Gehalt in Wien?") is recognised as asking for something they do not have, however close its topic is.
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
        europa
        schweiz niederlande osterreich italien spanien frankreich belgien danemark schweden norwegen
        polen tschechien großbritannien irland munchen koln wien genf mailand rom brussel kopenhagen
        lissabon warschau prag athen
        allemagne suisse belgique autriche italie espagne irlande suede pologne londres
        geneve bale barcelone lisbonne copenhague varsovie
        alemania suiza holanda belgica italia espana francia irlanda dinamarca suecia polonia
        viena ginebra roma bruselas lisboa varsovia praga
        germania svizzera olanda belgio spagna danimarca svezia londra monaco ginevra zurigo basilea
        milano torino parigi berlino bruxelles lisbona copenaghen varsavia
        duitsland zwitserland nederland belgie oostenrijk spanje frankrijk ierland denemarken zweden
        londen wenen milaan parijs antwerpen praag
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>The place names among a question's words (lower case, accents removed) in <paramref name="language"/>.</summary>
    public static IEnumerable<string> In(IEnumerable<string> words, string language)
    {
        var common = s_commonWords.GetValueOrDefault(language) ?? [];
        var list = words.Where(w => !common.Contains(w)).ToList();
        // Two-word names count by their first word; "united states" is not "united" in a guide.
        var joined = list.Zip(list.Skip(1), (a, b) => $"{a} {b}").Where(s_twoWords.Contains);
        return list.Where(s_names.Contains).Concat(joined).Distinct(StringComparer.Ordinal);
    }

    // Names that are everyday words in a language: Spanish and Italian "usa" is "uses".
    private static readonly Dictionary<string, string[]> s_commonWords = new(StringComparer.Ordinal)
    {
        ["es"] = ["usa"],
        ["it"] = ["usa", "porto"],
    };

    private static readonly HashSet<string> s_twoWords = new(StringComparer.Ordinal)
    {
        "united states", "united kingdom", "new york", "san francisco", "great britain", "czech republic", "south africa",
        "pays bas", "royaume uni", "paises bajos", "reino unido", "paesi bassi", "regno unito", "verenigd koninkrijk",
    };
}
