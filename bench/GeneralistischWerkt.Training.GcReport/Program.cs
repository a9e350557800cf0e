using GeneralistischWerkt.Training.GcReport;

if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("Gebruik: gwt-gc-report SPOOR.nettrace");
    Console.Error.WriteLine("(opnemen: dotnet-trace collect -p PID --providers Microsoft-Windows-DotNETRuntime:0x1:5 --duration 00:00:00:30)");
    return 2;
}

GcTrace report;
try
{
    report = GcTrace.Read(args[0]);
}
catch (Exception error) when (error is not OutOfMemoryException)
{
    Console.Error.WriteLine($"{args[0]}: geen leesbaar .nettrace-spoor ({error.Message})");
    return 1;
}
Console.Write(report.Format());
return 0;
