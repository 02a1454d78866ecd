using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal;

// What `dotnet ef migrations add` does, for machines without the dotnet-ef tool: builds the
// service's model through its design-time factory, diffs it against the model snapshot and writes
// the migration, its designer file and the new snapshot into the service's Data/Migrations.
// Usage: dotnet run --project tools/MigrationScaffolder -- <Interactions|Profiles|Billing|Segmentation|Gateway> <MigrationName>
if (args is not [var service, var name])
{
    Console.Error.WriteLine("usage: MigrationScaffolder <service assembly> <MigrationName>");
    return 2;
}

var assembly = Assembly.Load(service);
var factory = assembly.GetTypes().Single(t => !t.IsAbstract && t.GetInterfaces()
    .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)));
var create = factory.GetMethod(nameof(IDesignTimeDbContextFactory<DbContext>.CreateDbContext))!;
using var context = (DbContext)create.Invoke(Activator.CreateInstance(factory, nonPublic: true), [Array.Empty<string>()])!;

var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices().AddDbContextDesignTimeServices(context);
#pragma warning disable EF1001 // The provider's design-time services are what dotnet-ef loads too.
new NpgsqlDesignTimeServices().ConfigureDesignTimeServices(services);
#pragma warning restore EF1001
using var provider = services.BuildServiceProvider();

var rootNamespace = assembly.GetName().Name == "Gateway" ? "CrmPlatform.Gateway" : $"CrmPlatform.{service}";
var projectDir = Path.GetFullPath(assembly.GetName().Name == "Gateway" ? "gateway" : $"services/{service}");
var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(name, rootNamespace, subNamespace: "Data.Migrations", language: "C#");
var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Data", "Migrations"));
Console.WriteLine(files.MigrationFile);
Console.WriteLine(files.MetadataFile);
Console.WriteLine(files.SnapshotFile);
return 0;
