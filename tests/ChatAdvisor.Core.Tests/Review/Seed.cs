using System.Text.Json;
using ChatAdvisor.Conversations;
using ChatAdvisor.Cvs;

namespace ChatAdvisor.Core.Tests.Review;

/// <summary>Test data built conversation by conversation; each activity is one minute after the one before.</summary>
public sealed class Seed
{
    public const string SecretHash = "SECRET-HASH-must-not-leak";

    public List<Conversation> Conversations { get; } = [];

    public List<TranscriptActivity> Activities { get; } = [];

    public List<AnswerFeedback> Feedback { get; } = [];

    public List<CvSubmission> Submissions { get; } = [];

    public Transcript Conversation(string id, string channel, DateTimeOffset start)
    {
        var conversation = new Conversation { Id = id, ChannelId = channel, StartedAt = start, LastActivityAt = start };
        Conversations.Add(conversation);
        return new Transcript(this, conversation);
    }

    public sealed class Transcript(Seed seed, Conversation conversation)
    {
        private DateTimeOffset _next = conversation.StartedAt;
        private TranscriptActivity? _last;

        public Transcript User(string text) => Add("message", "user", text);

        /// <summary>The language the conversation is held in.</summary>
        public Transcript InLanguage(string language)
        {
            conversation.Language = language;
            return this;
        }

        public Transcript Bot(string text) => Add("message", "bot", text);

        public Transcript Event() => Add("event", "user", null);

        /// <summary>A streamed draft of an answer, as the bot sends it before the final message.</summary>
        public Transcript Typing(string textSoFar) => Add("typing", "bot", textSoFar);

        public Transcript Answer(string text, string mode, double confidence, params string[] citations)
        {
            Add("message", "bot", text);
            _last!.AnswerMode = mode;
            _last.AnswerConfidence = confidence;
            _last.AnswerCitations = JsonSerializer.Serialize(citations);
            _last.AnswerRef = $"ref-{_last.ActivityId}";
            return this;
        }

        /// <summary>The visitor's rating of the answer just added.</summary>
        public Transcript Rated(bool helpful, string? reason = null)
        {
            seed.Feedback.Add(new AnswerFeedback
            {
                ConversationId = conversation.Id,
                AnswerActivityId = _last!.ActivityId,
                Helpful = helpful,
                Reason = reason,
                ChannelId = conversation.ChannelId,
                CreatedAt = _last.Timestamp.AddSeconds(30),
            });
            return this;
        }

        public Transcript Applied(string reference, string roles, bool talentPool = false)
        {
            seed.Submissions.Add(new CvSubmission
            {
                Id = $"sub-{reference}",
                Reference = reference,
                SecretHash = SecretHash,
                Name = "Ada Lovelace",
                Email = "ada@example.com",
                Location = "Berlin",
                NoticePeriod = "3 months",
                Roles = roles,
                TalentPool = talentPool,
                FileName = "cv.pdf",
                FileType = "pdf",
                FileSize = 52_000,
                FileSha256 = "abc",
                StorageKey = $"store/{reference}",
                ChannelId = conversation.ChannelId,
                ConversationId = conversation.Id,
                AnswerActivityIds = "[]",
                NoticeVersion = "2026-01-01",
                ConsentedAt = conversation.LastActivityAt,
                SubmittedAt = conversation.LastActivityAt,
            });
            return this;
        }

        private Transcript Add(string type, string role, string? text)
        {
            var sequence = conversation.LastSequence + 1;
            var id = $"{conversation.Id}|{sequence:D7}";
            _last = new TranscriptActivity
            {
                ConversationId = conversation.Id,
                Sequence = sequence,
                ActivityId = id,
                Type = type,
                FromRole = role,
                Text = text,
                Timestamp = _next,
                Json = JsonSerializer.Serialize(new { type, id, text, from = new { role } }),
            };
            seed.Activities.Add(_last);
            conversation.LastSequence = sequence;
            conversation.LastActivityAt = _next;
            _next = _next.AddMinutes(1);
            return this;
        }
    }
}
