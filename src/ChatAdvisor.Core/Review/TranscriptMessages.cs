namespace ChatAdvisor.Review;

/// <summary>
/// Picks what a reader of a transcript wants from the stored activities: the messages that carry text. Typing
/// activities (streamed answer drafts among them) and events are protocol traffic, and the greeting is the same for
/// everyone: that is every bot message before the visitor's first one, and an unprompted bot message before the bot's
/// first reply (the greeting can be stored just after the first question, since both are handled at once). Later
/// unprompted messages, such as the thanks for a CV sent through an upload link, stay.
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
        var botReplied = false;
        foreach (var entry in entries)
        {
            if (entry.Type != ReviewSql.Message || string.IsNullOrWhiteSpace(entry.Text))
            {
                continue;
            }
            if (entry.Role == ReviewSql.User)
            {
                visitorSpoke = true;
            }
            else if (!visitorSpoke || (entry.Unprompted && entry.Answer is null && !botReplied))
            {
                continue;
            }
            else
            {
                botReplied = true;
            }
            yield return entry;
        }
    }

    /// <summary>The entry's text as plain text: the bot's Markdown rendered, the visitor's words as typed.</summary>
    public static string PlainText(TranscriptEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Role == ReviewSql.User ? entry.Text ?? "" : MessageMarkdown.ToPlainText(entry.Text ?? "");
    }
}
