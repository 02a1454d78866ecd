using CrmPlatform.AppHost.Infrastructure;

namespace CrmPlatform.Deploy.Tests;

public sealed class DatabaseProvisioningTests
{
    [Fact]
    public void Steps_ApplyEveryFileOfDeployPostgres_InTheOrderOfTheirNumbers()
    {
        var files = Directory.GetFiles(DatabaseProvisioning.Folder, "*.sql").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal);

        Assert.Equal(files, DatabaseProvisioning.Steps.Select(step => step.File));
    }

    [Fact]
    public void Steps_CreateRolesAndTheDatabase_BeforeWorkingInsideIt()
    {
        var inside = DatabaseProvisioning.Steps.Select(step => step.InServiceDatabase).ToList();

        Assert.Equal(inside.Order(), inside);
    }

    [Fact]
    public void Variables_NameTheOwnerAndApplicationRolesAfterTheDatabase()
    {
        var variables = DatabaseProvisioning.Variables("profilesdb", "owner-secret", "app-secret");

        Assert.Equal("profilesdb_owner", variables["owner_role"]);
        Assert.Equal("profilesdb_app", variables["app_role"]);
    }

    [Fact]
    public void Variables_GiveEveryVariableTheFilesUse()
    {
        var variables = DatabaseProvisioning.Variables("profilesdb", "owner-secret", "app-secret");
        var used = DatabaseProvisioning.Steps
            .SelectMany(step => System.Text.RegularExpressions.Regex.Matches(
                File.ReadAllText(Path.Combine(DatabaseProvisioning.Folder, step.File)), """:["']([a-z_]+)["']"""))
            .Select(match => match.Groups[1].Value)
            .Distinct();

        Assert.All(used, name => Assert.True(variables.ContainsKey(name), $"no value for :{name}"));
    }
}
