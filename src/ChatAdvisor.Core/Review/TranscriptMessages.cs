namespace ChatAdvisor.Review;

/// <summary>
/// Picks what a reader of a transcript wants from the stored activities: the messages that carry text, from the
/// visitor's first message on. Typing activities (streamed answer drafts among them), events and the greeting sent
/// before the visitor said anything are protocol traffic, not conversation.
/// </summary>
public static class TranscriptMessages
{
    public static IEnumerable<TranscriptEntry> Conversational(IEnumerable<TranscriptEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return Filter(entries);
    }

    private static IEnumerable<TranscriptEntry> Filter(IEnumerable<TranscriptEntry> entries)
    {
        var visitorSpoke = false;
        foreach (var entry in entries)
        {
            if (entry.Type != ReviewSql.Message || string.IsNullOrWhiteSpace(entry.Text))
            {
                continue;
            }
            visitorSpoke |= entry.Role == ReviewSql.User;
            if (visitorSpoke)
            {
                yield return entry;
            }
        }
    }

    /// <summary>The entry's text as plain text: the bot's Markdown rendered, the visitor's words as typed.</summary>
    public static string PlainText(TranscriptEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Role == ReviewSql.User ? entry.Text ?? "" : MessageMarkdown.ToPlainText(entry.Text ?? "");
    }
}
