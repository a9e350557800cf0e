// Writes one manifest resource of a .NET assembly to a file, reading the PE image directly
// (the assembly is never loaded). Used at build time by src/GeneralistischWerkt.Training.Web/BlazorClientScript.targets.
// Usage: dotnet run build/ExtractEmbeddedResource.cs -- <assembly> <resource name> <output file>
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: ExtractEmbeddedResource <assembly> <resource name> <output file>");
    return 2;
}

var (assemblyPath, resourceName, outputPath) = (args[0], args[1], args[2]);
using var stream = File.OpenRead(assemblyPath);
using var pe = new PEReader(stream);
var metadata = pe.GetMetadataReader();
var resourcesStart = pe.PEHeaders.CorHeader!.ResourcesDirectory.RelativeVirtualAddress;

foreach (var handle in metadata.ManifestResources)
{
    var resource = metadata.GetManifestResource(handle);
    if (metadata.GetString(resource.Name) != resourceName) continue;

    // Embedded resources are stored as a 4-byte length followed by the bytes.
    var reader = pe.GetSectionData(resourcesStart + (int)resource.Offset).GetReader();
    var bytes = reader.ReadBytes(reader.ReadInt32());
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
    File.WriteAllBytes(outputPath, bytes);
    Console.WriteLine($"{outputPath}: {bytes.Length} bytes from {Path.GetFileName(assemblyPath)}");
    return 0;
}

Console.Error.WriteLine($"{assemblyPath}: error GWT0001: resource '{resourceName}' not found");
return 1;
