using ChatAdvisor;
using ChatAdvisor.Web.Bot;
using ChatAdvisor.Web.Commands;
using ChatAdvisor.Web.DirectLine;
using ChatAdvisor.Web.Hosting;
using ChatAdvisor.Web.Site;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddChatAdvisorCore();
builder.AddBot();
builder.AddDirectLine();
builder.AddSite();

var app = builder.Build();

if (args is ["eval", .. var options])
{
    return EvaluateCommand.Run(app.Services, options);
}

app.MapDefaultEndpoints();
app.MapSite();
app.MapDirectLine();
app.MapBot();

app.Run();
return 0;
