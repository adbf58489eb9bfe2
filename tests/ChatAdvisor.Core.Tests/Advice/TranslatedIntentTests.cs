using ChatAdvisor.Advice;
using ChatAdvisor.Core.Tests.Generation;
using Microsoft.Extensions.DependencyInjection;

namespace ChatAdvisor.Core.Tests.Advice;

/// <summary>Wanting to apply, or asking for openings, said in another language in the words of its messages file.</summary>
public sealed class TranslatedIntentTests
{
    private static readonly ServiceProvider s_services = GenerationFixtures.Build([]);
    private static readonly Intents s_intents = s_services.GetRequiredService<Intents>();

    [Theory]
    [InlineData("de", "Ich möchte mich auf eine Stelle als MLOps Engineer bewerben", Intents.Apply)]
    [InlineData("de", "Wo kann ich meinen Lebenslauf hochladen?", Intents.Apply)]
    [InlineData("de", "Kann ich Ihnen meinen Lebenslauf schicken?", Intents.Apply)]
    [InlineData("de", "Gibt es offene Stellen für ML Engineers in München?", Intents.JobSearch)]
    [InlineData("fr", "Je voudrais postuler pour un poste d'ingénieur MLOps", Intents.Apply)]
    [InlineData("fr", "Avez-vous des offres d'emploi à Paris ?", Intents.JobSearch)]
    [InlineData("nl", "Ik wil graag solliciteren als MLOps engineer", Intents.Apply)]
    [InlineData("nl", "Zijn er vacatures voor ML engineers?", Intents.JobSearch)]
    [InlineData("es", "Me gustaría postularme a un puesto de MLOps", Intents.Apply)]
    [InlineData("es", "¿Hay vacantes para ingenieros de machine learning?", Intents.JobSearch)]
    [InlineData("it", "Vorrei candidarmi come ingegnere MLOps", Intents.Apply)]
    [InlineData("it", "Ci sono posizioni aperte a Milano?", Intents.JobSearch)]
    [InlineData("de", "Ich würde Ihnen gern meinen Lebenslauf zukommen lassen", Intents.Apply)]
    [InlineData("fr", "Puis-je vous faire parvenir mon CV ?", Intents.Apply)]
    [InlineData("nl", "Hierbij mijn cv voor een functie als ML engineer", Intents.Apply)]
    // Sending a CV wins over the jobs it is for, as in English.
    [InlineData("es", "Busco empleo en MLOps y os adjunto mi currículum", Intents.Apply)]
    [InlineData("it", "Cerco lavoro nel machine learning, vi allego il curriculum", Intents.Apply)]
    public async Task TheLanguagesOwnWordsStartTheHandOff(string language, string message, string expected)
    {
        Assert.Equal(expected, await s_intents.RecognizeAsync(message, language, CancellationToken.None));
    }

    [Theory]
    [InlineData("de", "Welche Qualifikationen brauche ich, um mich zu bewerben?")]
    [InlineData("de", "Welche Branchen stellen MLOps Engineers ein?")]
    [InlineData("fr", "Quelles compétences faut-il pour devenir ingénieur MLOps ?")]
    [InlineData("nl", "Wat doet een MLOps engineer?")]
    [InlineData("es", "¿Cuánto gana un ingeniero de MLOps en Alemania?")]
    [InlineData("it", "Quali competenze servono a un ingegnere MLOps?")]
    public async Task AQuestionAboutTheRoleIsNoHandOff(string language, string message)
    {
        Assert.Null(await s_intents.RecognizeAsync(message, language, CancellationToken.None));
    }
}
