using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Advice;

/// <summary>
/// Everyday words that carry no topic. When the guides do not contain one of these, it is ignored instead of
/// counting as something the guides cannot answer ("what's that exactly?" is still about the role).
/// </summary>
internal static class CommonWords
{
    private static readonly HashSet<string> s_keys = new(
        """
        exactly actually basically really quite bit lot lots stuff thing things way ways kind type types sort
        job role position involve purpose point idea factor affect depend vary determine influence useful
        knowledge every both formal love round example examples general overall main mainly mostly usually often always ever never
        currently now nowadays today days day daily week year years time times moment right rn still yet once already
        company companies firm firms organisation organization business businesses employer employers place places
        folk folks ppl guy guys person someone everyone anybody anyone yourself myself whole
        good great best better bad worse worst big small large high higher low lower top end new old next last first
        go going gonna wanna gotta move moving make making made take taking took come coming become becoming became
        look looking find finding found try trying use using used help helping show showing see seeing
        start starting think thinking feel feeling mean meaning say saying ask asking call called
        also just only even still much many more most less least few several enough own same different other another
        specific specifically particular particularly especially certain plain simply simple main key important
        matter matters worth whether able possible likely maybe perhaps probably sure okay ok yes no not
        something anything everything nothing else instead though although however while because since
        around across along over under after before during between within without through toward towards
        kinda sorta whats thats wheres whos hows u ur r ya yeah yep nope pls plz thx ty lol
        handle handles handling involve involves involved involving consist consists include includes including
        tell telling explain explaining describe describing understand know knowing learn
        exist exists existing happen happens need needs needed want wants wanted require requires required
        should could would might must shall will can may
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).Select(TextAnalyzer.Stem),
        StringComparer.Ordinal);

    public static bool Contains(string key) => s_keys.Contains(key) || s_keys.Contains(TextAnalyzer.Stem(key));
}
