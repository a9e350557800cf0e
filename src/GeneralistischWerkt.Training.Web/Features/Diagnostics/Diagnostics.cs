using System.Diagnostics;
using GeneralistischWerkt.Training.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace GeneralistischWerkt.Training.Web.Features.Diagnostics;

/// <summary>How many circuits (live pages) this instance holds right now.</summary>
public sealed class CircuitCount
{
    private int open;
    public int Open => Volatile.Read(ref open);
    internal void Add(int delta) => Interlocked.Add(ref open, delta);
}

/// <summary>Counts circuits as they open and close (one handler per circuit).</summary>
public sealed class CountingCircuitHandler(CircuitCount count) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        count.Add(1);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        count.Add(-1);
        return Task.CompletedTask;
    }
}

/// <summary>
/// GET /beheer/diagnostiek, beheerders only: the figures the load driver needs to report memory, CPU and garbage
/// collection per circuit. By default it forces a full, compacting collection first (for the heap after a full GC), which
/// stops the whole app for as long as that takes (seconds with thousands of circuits): so it is for measuring, not for a
/// monitoring loop, and `?collect=false` gives the other figures without it (the load driver's window start and end).
/// </summary>
public static class DiagnosticsEndpoint
{
    public const string Path = "/beheer/diagnostiek";

    public static IServiceCollection AddCircuitCount(this IServiceCollection services)
    {
        services.AddSingleton<CircuitCount>();
        services.AddScoped<CircuitHandler, CountingCircuitHandler>();
        return services;
    }

    public static void MapDiagnostics(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, IResult (CircuitCount circuits, string? collect) =>
            {
                // Parsed here rather than bound as bool?: a wrong value then gets a sentence, not an empty 400 that the
                // status-code pages would turn into "niet gevonden".
                var forced = true;
                if (collect is not null && !bool.TryParse(collect, out forced))
                    return Results.Text("De parameter collect is true of false.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
                if (forced)
                {
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                    GC.WaitForPendingFinalizers();
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                }
                using var process = Process.GetCurrentProcess();
                return Results.Json(new
                {
                    managedHeapBytesAfterFullGc = forced ? GC.GetTotalMemory(forceFullCollection: false) : (long?)null,
                    managedHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
                    circuits = circuits.Open,
                    processCpuSeconds = process.TotalProcessorTime.TotalSeconds,
                    processorCount = Environment.ProcessorCount,
                    workingSetBytes = process.WorkingSet64,
                    gen0Collections = GC.CollectionCount(0),
                    gen1Collections = GC.CollectionCount(1),
                    gen2Collections = GC.CollectionCount(2),
                    // Everything the collector stopped the app for since it started (including forced collections).
                    gcPauseSeconds = GC.GetTotalPauseDuration().TotalSeconds,
                    threadPoolThreads = ThreadPool.ThreadCount,
                    // Work waiting for a thread: high while the CPU idles means threads block somewhere (starvation).
                    threadPoolPendingItems = ThreadPool.PendingWorkItemCount,
                    lockContentions = Monitor.LockContentionCount,
                });
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin });
}
