using ChatAdvisor;
using ChatAdvisor.Web.Bot;
using ChatAdvisor.Web.Commands;
using ChatAdvisor.Web.Channels.BotFramework;
using ChatAdvisor.Web.Channels.DirectLine;
using ChatAdvisor.Web.Hosting;
using ChatAdvisor.Web.Portal;
using ChatAdvisor.Web.Scaleout;
using ChatAdvisor.Web.Site;

var builder = WebApplication.CreateBuilder(args);

builder.AddAppFolderSettings();
builder.AddServiceDefaults();
builder.AddScaleout();
// Cookie, antiforgery and portal-secret keys survive restarts; a Key Vault certificate for them is downloaded here.
await builder.AddKeyProtectionAsync(CancellationToken.None);
builder.AddObservability();
builder.Services.AddChatAdvisorCore();
builder.AddBot();
builder.AddBotFramework();
builder.AddDirectLine();
builder.AddSite();
builder.AddPortal();

var app = builder.Build();

if (args is ["eval", .. var options])
{
    return await EvaluateCommand.RunAsync(app.Services, options, CancellationToken.None);
}
if (args is [KnowledgeCommand.Name])
{
    return await KnowledgeCommand.RunAsync(app.Services, CancellationToken.None);
}
if (args is [AccountCommand.CreateAdmin or AccountCommand.AddRecruiter, ..])
{
    return await AccountCommand.RunAsync(app.Services, args, CancellationToken.None);
}

app.MapDefaultEndpoints();
app.MapSite();
app.MapPortal();
app.MapDirectLine();
app.MapBot();
app.MapBotFramework();

app.Run();
return 0;
