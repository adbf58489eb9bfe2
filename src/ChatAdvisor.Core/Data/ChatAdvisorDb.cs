using System.Text;
using ChatAdvisor.Conversations;
using ChatAdvisor.Cvs;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore;

namespace ChatAdvisor.Data;

/// <summary>The application's database. The schema itself comes from the versioned scripts in <c>Data/Schema</c>.</summary>
public sealed class ChatAdvisorDb(DbContextOptions<ChatAdvisorDb> options) : DbContext(options)
{
    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<TranscriptActivity> TranscriptActivities => Set<TranscriptActivity>();

    public DbSet<CvSubmission> CvSubmissions => Set<CvSubmission>();

    public DbSet<DataRequest> DataRequests => Set<DataRequest>();

    public DbSet<UploadLink> UploadLinks => Set<UploadLink>();

    public DbSet<AnswerFeedback> AnswerFeedback => Set<AnswerFeedback>();

    public DbSet<ConversationTag> ConversationTags => Set<ConversationTag>();

    public DbSet<ConversationNote> ConversationNotes => Set<ConversationNote>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Conversation>(e =>
        {
            e.ToTable("conversations");
            e.HasKey(c => c.Id);
            e.Property(c => c.StateVersion).IsConcurrencyToken();
            SnakeCaseColumns(e.Metadata);
        });
        modelBuilder.Entity<TranscriptActivity>(e =>
        {
            e.ToTable("transcript_activities");
            e.HasKey(a => new { a.ConversationId, a.Sequence });
            SnakeCaseColumns(e.Metadata);
        });
        modelBuilder.Entity<CvSubmission>(e =>
        {
            e.ToTable("cv_submissions");
            e.HasKey(c => c.Id);
            SnakeCaseColumns(e.Metadata);
        });
        modelBuilder.Entity<AnswerFeedback>(e =>
        {
            e.ToTable("answer_feedback");
            e.HasKey(f => f.Id);
            SnakeCaseColumns(e.Metadata);
        });
        modelBuilder.Entity<UploadLink>(e =>
        {
            e.ToTable("upload_links");
            e.HasKey(l => l.TokenHash);
            SnakeCaseColumns(e.Metadata);
        });
        modelBuilder.Entity<DataRequest>(e =>
        {
            e.ToTable("data_requests");
            e.HasKey(d => d.Id);
            SnakeCaseColumns(e.Metadata);
        });
    }

    /// <summary>Columns are the snake_case of the property names, as the schema scripts spell them.</summary>
    private static void SnakeCaseColumns(IMutableEntityType entity)
    {
        foreach (var property in entity.GetProperties())
        {
            var name = new StringBuilder();
            foreach (var c in property.Name)
            {
                if (char.IsUpper(c) && name.Length > 0)
                {
                    name.Append('_');
                }
                name.Append(char.ToLowerInvariant(c));
            }
            property.SetColumnName(name.ToString());
        }
    }
}
