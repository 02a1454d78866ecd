using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.IntegrationTests.Support;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Npgsql;

namespace CrmPlatform.IntegrationTests;

/// <summary>What was sold and planned with a client; projects stuck at planning are found to revive.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ProjectTests(PlatformFixture platform)
{
    [Fact]
    public async Task StalledProjects_AreThoseAtPlanningLongerThanTheDaysAsked()
    {
        using var tenant = await platform.NewTenant();
        var deals = await ArrangeDeals(tenant);

        var stalled = await tenant.Projects.ListProjectsAsync(new ListProjectsRequest { CompanyId = "-", StalledForDays = 90 });

        Assert.Equal([deals.Stuck.Id], stalled.Projects.Select(p => p.Id));
    }

    [Fact]
    public async Task StalledProject_MovedOn_IsNoLongerStalled()
    {
        using var tenant = await platform.NewTenant();
        var deals = await ArrangeDeals(tenant);

        await tenant.Projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Id = deals.Stuck.Id, Stage = ProjectStage.Proposed }, UpdateMask = FieldMask.FromString("stage") });

        Assert.Empty((await tenant.Projects.ListProjectsAsync(new ListProjectsRequest { CompanyId = "-", StalledForDays = 90 })).Projects);
    }

    [Fact]
    public async Task Projects_AreListedByStage()
    {
        using var tenant = await platform.NewTenant();
        var deals = await ArrangeDeals(tenant);

        var won = await tenant.Projects.ListProjectsAsync(new ListProjectsRequest { CompanyId = deals.Company.Id, Stage = ProjectStage.Won });

        Assert.Equal([deals.Fresh.Id], won.Projects.Select(p => p.Id));
    }

    [Fact]
    public async Task StageChange_IsInTheCompanysHistory_WithTheOldAndNewStage()
    {
        using var tenant = await platform.NewTenant();
        var deals = await ArrangeDeals(tenant);

        var stage = Assert.Single((await tenant.History.ListCompanyChangesAsync(new ListCompanyChangesRequest { CompanyId = deals.Company.Id, Fields = { "project.stage" } })).Changes);

        Assert.Equal(deals.Fresh.Id, stage.ProjectId);
        Assert.Equal(ProjectStage.Planning, stage.ProjectBefore.Stage);
        Assert.Equal(ProjectStage.Won, stage.ProjectAfter.Stage);
    }

    [Fact]
    public async Task StageChange_MovesTheStageTime()
    {
        using var tenant = await platform.NewTenant();
        var deals = await ArrangeDeals(tenant);

        Assert.True(deals.Won.StageTime.ToDateTime() > deals.Fresh.StageTime.ToDateTime());
    }

    [Fact]
    public async Task BadProject_IsInvalidArgument_WithEveryViolation()
    {
        using var tenant = await platform.NewTenant();
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "A AB" } });

        var bad = await Assert.ThrowsAsync<RpcException>(() => tenant.Projects.CreateProjectAsync(new CreateProjectRequest
        {
            CompanyId = company.Id,
            Project = new Project
            {
                Name = "",
                Value = new Money { CurrencyCode = "EURO", Units = 1 },
                StartDate = new Date { Year = 2026, Month = 5, Day = 1 },
                CloseDate = new Date { Year = 2026, Month = 4, Day = 1 },
            },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Equal(
            ["project.close_date", "project.name", "project.stage", "project.value.currency_code"],
            bad.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>().FieldViolations.Select(v => v.Field).Order());
    }

    [Fact]
    public async Task AnotherTenantsProjects_AreNotFound_InEveryCall()
    {
        using var a = await platform.NewTenant();
        using var b = await platform.NewTenant();
        var theirCompany = await b.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "B AB" } });
        var theirs = await b.Projects.CreateProjectAsync(new CreateProjectRequest { CompanyId = theirCompany.Id, Project = new Project { Name = "B deal", Stage = ProjectStage.Proposed } });

        foreach (var call in new Func<Task>[]
        {
            () => a.Projects.GetProjectAsync(new GetProjectRequest { Id = theirs.Id }).ResponseAsync,
            () => a.Projects.UpdateProjectAsync(new UpdateProjectRequest { Project = new Project { Id = theirs.Id, Stage = ProjectStage.Lost } }).ResponseAsync,
            () => a.Projects.ListProjectsAsync(new ListProjectsRequest { CompanyId = theirCompany.Id }).ResponseAsync,
            () => a.Projects.CreateProjectAsync(new CreateProjectRequest { CompanyId = theirCompany.Id, Project = new Project { Name = "X", Stage = ProjectStage.Planning } }).ResponseAsync,
        })
        {
            Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
        }

        Assert.Empty((await a.Projects.ListProjectsAsync(new ListProjectsRequest { CompanyId = "-" })).Projects);
        Assert.Equal(ProjectStage.Proposed, (await b.Projects.GetProjectAsync(new GetProjectRequest { Id = theirs.Id })).Stage);
    }

    /// <summary>Two projects at planning; one stuck there for 100 days, the other (fresh) just won.</summary>
    private async Task<Deals> ArrangeDeals(TenantClient tenant)
    {
        var company = await tenant.Companies.CreateCompanyAsync(new CreateCompanyRequest { Company = new Company { Name = "Deals AB" } });
        var stuck = await tenant.Projects.CreateProjectAsync(new CreateProjectRequest
        {
            CompanyId = company.Id,
            Project = new Project { Name = "Warehouse WMS", Stage = ProjectStage.Planning, Products = { "WMS" }, Value = new Money { CurrencyCode = "EUR", Units = 90_000 } },
        });
        var fresh = await tenant.Projects.CreateProjectAsync(new CreateProjectRequest
        {
            CompanyId = company.Id,
            Project = new Project { Name = "Support renewal", Stage = ProjectStage.Planning },
        });
        var won = await tenant.Projects.UpdateProjectAsync(new UpdateProjectRequest
        {
            Project = new Project { Id = fresh.Id, Stage = ProjectStage.Won, Etag = fresh.Etag },
            UpdateMask = FieldMask.FromString("stage"),
        });
        await AgeStage(tenant, stuck.Id, TimeSpan.FromDays(100));
        return new Deals(company, stuck, fresh, won);
    }

    private sealed record Deals(Company Company, Project Stuck, Project Fresh, Project Won);

    /// <summary>Moves a project's last stage change into the past, as if it had sat still that long.</summary>
    private async Task AgeStage(TenantClient tenant, string projectId, TimeSpan age)
    {
        await using var connection = new NpgsqlConnection(platform.SuperuserConnectionString("profiles"));
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await new NpgsqlCommand($"SET LOCAL app.tenant_id = '{Guid.Parse(tenant.TenantId)}'", connection, transaction).ExecuteNonQueryAsync();
        await using var command = new NpgsqlCommand("UPDATE projects SET stage_changed_at = stage_changed_at - $1 WHERE id = $2", connection, transaction);
        command.Parameters.AddWithValue(age);
        command.Parameters.AddWithValue(Guid.Parse(projectId));
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
        await transaction.CommitAsync();
    }
}
