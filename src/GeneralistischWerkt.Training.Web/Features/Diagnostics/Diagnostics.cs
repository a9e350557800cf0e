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
/// GET /beheer/diagnostiek, beheerders only: the figures the load driver needs to report memory and CPU per circuit.
/// Forces a full, compacting garbage collection, so it is for measuring, not for a monitoring loop.
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
        app.MapGet(Path, (CircuitCount circuits) =>
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                using var process = Process.GetCurrentProcess();
                return Results.Json(new
                {
                    managedHeapBytesAfterFullGc = GC.GetTotalMemory(forceFullCollection: false),
                    circuits = circuits.Open,
                    processCpuSeconds = process.TotalProcessorTime.TotalSeconds,
                    processorCount = Environment.ProcessorCount,
                    workingSetBytes = process.WorkingSet64,
                    gen2Collections = GC.CollectionCount(2),
                    threadPoolThreads = ThreadPool.ThreadCount,
                    // Work waiting for a thread: high while the CPU idles means threads block somewhere (starvation).
                    threadPoolPendingItems = ThreadPool.PendingWorkItemCount,
                    lockContentions = Monitor.LockContentionCount,
                });
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Admin });
}
