using Azure.Monitor.OpenTelemetry.Exporter;
using ChatAdvisor.Web.Bot;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChatAdvisor.Web.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics of each turn (receive, retrieve, answer, send), exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the standard OTEL_* variables configure the rest), and to Azure Monitor
/// (Application Insights) when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set; either, both or neither (then the
/// OpenTelemetry SDK is not installed at all). /health
/// covers the database, the knowledge index and clamd.
/// </summary>
public static class Observability
{
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<ClamAvHealthCheck>("clamd");
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var azureMonitor = builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        builder.Services.AddHostedService<QueueDepthGauge>();
        if (!otlp && string.IsNullOrWhiteSpace(azureMonitor))
        {
            // Nowhere to send them: no SDK collecting spans and metrics on every request for nothing. The meters and
            // activity sources still publish, so dotnet-counters and other listeners see them.
            return builder;
        }
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(Telemetry.Name))
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(Telemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                    .AddHttpClientInstrumentation();
                if (!string.IsNullOrWhiteSpace(azureMonitor))
                {
                    // The exporter installs its sampler for the whole tracer: keep every trace, as OTLP alone does.
                    tracing.AddAzureMonitorTraceExporter(o => ConfigureAzureMonitor(o, azureMonitor));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(Telemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (!string.IsNullOrWhiteSpace(azureMonitor))
                {
                    metrics.AddAzureMonitorMetricExporter(o => ConfigureAzureMonitor(o, azureMonitor));
                }
            });
        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }
        return builder;
    }

    private static void ConfigureAzureMonitor(AzureMonitorExporterOptions options, string connectionString)
    {
        options.ConnectionString = connectionString;
        options.SamplingRatio = 1.0F;
        options.TracesPerSecond = null;
    }

    /// <summary>Publishes the dispatcher's queue depth as an observable gauge.</summary>
    private sealed class QueueDepthGauge(TurnDispatcher dispatcher) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            Telemetry.Meter.CreateObservableGauge("chatadvisor.turn.queue_depth", () => dispatcher.QueueDepth, "{turn}",
                "Turns accepted and not finished");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
