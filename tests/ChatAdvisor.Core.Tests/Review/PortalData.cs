using ChatAdvisor.Core.Tests.Infrastructure;
namespace ChatAdvisor.Core.Tests.Review;

/// <summary>
/// Five conversations, newest activity first: conv-4 (4 Mar), conv-3 (3 Mar), conv-2 (2 Mar), conv-1 (1 Mar), conv-5
/// (10 Feb 23:58 to 11 Feb 00:00).
/// Seeded out of order so that ordering is the search's work.
/// </summary>
public abstract class PortalData(bool postgres) : IAsyncLifetime
{
    public const string LongQuestion =
        "I keep seeing naming styles in job ads and code reviews, so could you tell me what snake_case means for a "
        + "1000 line Python script and whether ML engineers use it every day?";

    public const string Formula = "=HYPERLINK(\"http://x.test\",\"click\")";
    public const string QuotedLines = "Line one, \"quoted\"\nline two";
    public const string SignsAndMention = "-1 or +1? @mention";

    public ReviewDatabase Db { get; private set; } = null!;

    public static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        if (postgres && TestPostgres.SkipReason is not null)
        {
            return; // Every test of the PostgreSQL class is skipped.
        }
        Db = await ReviewDatabase.CreateAsync(postgres);
        var seed = new Seed();
        seed.Conversation("conv-3", "directline", Utc(3, 3, 15)).InLanguage("de")
            .User("Is 100% remote work possible?")
            .Answer("Many teams work remotely part of the week.", "generative", 0.5, "machine-learning-engineer#remote-work");
        seed.Conversation("conv-1", "directline", Utc(3, 1, 9)).InLanguage("en")
            .User("How much does an MLOps engineer earn?")
            .Answer("MLOps engineers earn 70,000 to 90,000 euros; see the career guide.", "extractive", 0.85, "mlops-engineer#salary").Rated(true)
            .Event()
            .User("Thanks!")
            .Applied("CV-1111", "MLOps Engineer", talentPool: true);
        seed.Conversation("conv-5", "directline", Utc(2, 10, 23, 58))
            .Event()
            .Bot("Hi! Ask me about our roles.")
            .User("hello")
            .Applied("CV-5555", "Machine Learning Engineer");
        seed.Conversation("conv-2", "msteams", Utc(3, 2, 10))
            .User("Do you sponsor visas for relocation?")
            .Answer("Sorry, I can't answer that from the role guides.", "declined", 0.2).Rated(false, "I need visa info");
        seed.Conversation("conv-4", "directline", Utc(3, 4, 8))
            .User(LongQuestion)
            .Answer("Python code usually names variables in snake_case.", "extractive", 0.9,
                "machine-learning-engineer#skills", "faq#mlops-engineer-vs-ml")
            .User(Formula)
            .Bot(QuotedLines)
            .User(SignsAndMention);
        await Db.SeedAsync(seed);
    }

    public async Task DisposeAsync()
    {
        if (Db is not null)
        {
            await Db.DisposeAsync();
        }
    }

    public sealed class Sqlite() : PortalData(postgres: false);

    public sealed class Postgres() : PortalData(postgres: true);
}
