using GeneralistischWerkt.Training.Web.Data;
using GeneralistischWerkt.Training.Web.Features.Hosting;
using GeneralistischWerkt.Training.Web.Features.Live;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GeneralistischWerkt.Training.Web.Tests;

/// <summary>
/// Two app instances on one database (and one Redis): what one instance protects the other reads, and a change signal
/// on one reaches open pages on the other. Runs on SQLite and PostgreSQL (scripts/test.sh) with a real redis-server.
/// </summary>
public class SeveralInstancesTests
{
    private static ServiceProvider Instance(TestDatabase world, string? redis = null)
    {
        var settings = new Dictionary<string, string?> { [SeveralInstances.RedisKey] = redis };
        var services = new ServiceCollection().AddLogging();
        services.AddApplicationDatabase(TestDatabase.Provider, world.UseSameDatabase);
        services.AddSeveralInstances(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_cookie_protected_on_one_instance_is_read_on_another_because_the_keys_are_in_the_database()
    {
        await using var world = await TestDatabase.CreateAsync();
        await using var first = Instance(world);
        await using var second = Instance(world);
        var token = first.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("aangemeld");
        Assert.Equal("aangemeld", second.GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(token));
        Assert.NotEmpty(await world.WithDbAsync(db => db.DataProtectionKeys.ToListAsync()));
    }

    [Fact]
    public async Task Without_Redis_the_signal_stays_in_process()
    {
        await using var world = await TestDatabase.CreateAsync();
        await using var instance = Instance(world);
        Assert.IsType<InProcessChangeSignal>(instance.GetRequiredService<IChangeSignal>());
    }

    [Fact]
    public async Task A_signal_on_one_instance_reaches_the_listeners_on_both_once_through_Redis()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var world = await TestDatabase.CreateAsync();
        await using var first = Instance(world, redis.Configuration);
        await using var second = Instance(world, redis.Configuration);
        var signalA = Assert.IsType<RedisChangeSignal>(first.GetRequiredService<IChangeSignal>());
        var signalB = second.GetRequiredService<IChangeSignal>();

        var heardOnA = 0;
        var heardOnB = new TaskCompletionSource();
        var heardOnBCount = 0;
        using var onA = signalA.Subscribe("reflection-access:7", () => { Interlocked.Increment(ref heardOnA); return Task.CompletedTask; });
        using var onB = signalB.Subscribe("reflection-access:7", () =>
        {
            Interlocked.Increment(ref heardOnBCount);
            heardOnB.TrySetResult();
            return Task.CompletedTask;
        });
        using var otherTopic = signalB.Subscribe("reflection-access:8", () => throw new InvalidOperationException("verkeerd onderwerp"));

        await signalA.PublishAsync("reflection-access:7");
        await heardOnB.Task.WaitAsync(TimeSpan.FromSeconds(30));
        // A second signal behind the first: once it has arrived on B, the first cannot still be on its way twice.
        var markerHeard = new TaskCompletionSource();
        using var marker = signalB.Subscribe("marker", () => { markerHeard.TrySetResult(); return Task.CompletedTask; });
        await signalA.PublishAsync("marker");
        await markerHeard.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, heardOnA);
        Assert.Equal(1, heardOnBCount);
    }

    [Fact]
    public async Task When_Redis_is_gone_the_signal_still_reaches_this_instance_and_the_action_does_not_fail()
    {
        var redis = await RedisServer.StartAsync();
        await using var world = await TestDatabase.CreateAsync();
        await using var instance = Instance(world, redis.Configuration);
        var signal = instance.GetRequiredService<IChangeSignal>();
        await redis.DisposeAsync();
        var heard = 0;
        using var listener = signal.Subscribe("live:1", () => { heard++; return Task.CompletedTask; });
        await signal.PublishAsync("live:1");
        Assert.Equal(1, heard);
    }
}
