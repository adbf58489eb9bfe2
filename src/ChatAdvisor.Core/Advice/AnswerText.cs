using System.Text;
using ChatAdvisor.Knowledge;

namespace ChatAdvisor.Advice;

/// <summary>Writes quoted sentences and bullets as Markdown, with the citation marker after the last of them.</summary>
internal static class AnswerText
{
    public static void AppendUnits(StringBuilder text, IReadOnlyList<SectionUnit> units, int position)
    {
        for (var i = 0; i < units.Count; i++)
        {
            var isLast = i == units.Count - 1;
            var next = isLast ? null : units[i + 1];
            text.Append(units[i].Markdown);
            if (isLast)
            {
                text.Append(" [").Append(position).Append(']');
            }
            var listBoundary = next is not null && units[i].IsBullet != next.IsBullet;
            text.Append(isLast || listBoundary || units[i].IsBullet ? "\n" : " ");
            if (isLast || listBoundary)
            {
                text.Append('\n');
            }
        }
    }
}
