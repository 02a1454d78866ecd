using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.GrpcConventions;
using CrmPlatform.Messaging.Outbox;
using CrmPlatform.Profiles.Companies;
using CrmPlatform.Profiles.Data;
using CrmPlatform.Profiles.History;
using CrmPlatform.Profiles.Updates;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Projects;

/// <summary>crm.profiles.v1.ProjectsService: what was sold, proposed or planned with a client, and what stalled on the way.</summary>
public sealed class ProjectsGrpcService(ProfilesDbContext db, IEventOutbox outbox, LiveCompanies live, PastVersions versions, Actors actors, PageTokens pages, TimeProvider clock)
    : Proto.ProjectsService.ProjectsServiceBase
{
    private const string AllCompanies = "-";

    public override async Task<Proto.Project> CreateProject(Proto.CreateProjectRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = ResourceId.Parse(request.CompanyId, "company_id", violations);
        ProjectMapper.Validate(request.Project, "project", violations).ThrowIfAny();
        await live.Find(companyId, request.CompanyId, null, context.CancellationToken);

        var now = clock.GetUtcNow();
        var project = new Project { Name = "", TenantId = db.TenantId, CompanyId = companyId, CreatedAt = now, UpdatedAt = now, StageChangedAt = now };
        project.CopyFrom(request.Project);
        db.Projects.Add(project);
        outbox.Enqueue(new ProjectStageChanged(db.TenantId, companyId, project.Id, null, project.Stage.ToString(), project.Value, project.ValueCurrency));
        await db.SaveChangesAsync(context.CancellationToken);
        return project.ToProto();
    }

    public override async Task<Proto.Project> GetProject(Proto.GetProjectRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Project", request.Id);
        if (request.AsOfTime is null)
        {
            return project.ToProto();
        }

        return (await versions.Of([project], request.AsOfTime.ToDateTimeOffset(), context.CancellationToken)).FirstOrDefault()
            ?? throw new ResourceNotFoundException("Project", request.Id);
    }

    public override async Task<Proto.ListProjectsResponse> ListProjects(Proto.ListProjectsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = request.CompanyId == AllCompanies ? (Guid?)null : ResourceId.Parse(request.CompanyId, "company_id", violations);
        var page = pages.Read(request, violations);
        violations
            .Check(Enum.IsDefined(request.Stage), "stage", "is not a known stage")
            .Check(request.StalledForDays is >= 0 and <= 3650, "stalled_for_days", "must be between 0 and 3650")
            .Check(request.AsOfTime is null || request.StalledForDays == 0, "as_of_time", "cannot be combined with stalled_for_days")
            .ThrowIfAny();
        var asOf = request.AsOfTime?.ToDateTimeOffset();

        var query = db.Projects.AsNoTracking();
        if (companyId is { } company)
        {
            if (!await db.Companies.AnyAsync(c => c.Id == company, context.CancellationToken))
            {
                throw new ResourceNotFoundException("Company", request.CompanyId);
            }

            query = query.Where(p => p.CompanyId == company);
        }

        if (asOf is { } then)
        {
            query = query.Where(p => p.CreatedAt <= then);
        }
        else if (request.Stage != Proto.ProjectStage.Unspecified)
        {
            var stage = (ProjectStage)request.Stage;
            query = query.Where(p => p.Stage == stage);
        }

        if (request.StalledForDays > 0)
        {
            var stuckSince = clock.GetUtcNow().AddDays(-request.StalledForDays);
            query = query.Where(p => (p.Stage == ProjectStage.Planning || p.Stage == ProjectStage.Stalled) && p.StageChangedAt <= stuckSince);
        }

        if (page.After is { } cursor)
        {
            query = query.Where(p => p.Id.CompareTo(cursor.Id) > 0);
        }

        var (rows, nextPageToken) = await query.OrderBy(p => p.Id).ToPageAsync(page, p => PageCursor.At(p.Id), context.CancellationToken);
        if (asOf is not { } past)
        {
            return new Proto.ListProjectsResponse { Projects = { rows.Select(p => p.ToProto()) }, NextPageToken = nextPageToken };
        }

        // A page can come back shorter than page_size: the stage filter applies after rewinding.
        var asTheyWere = (await versions.Of(rows, past, context.CancellationToken)).Where(p => request.Stage == Proto.ProjectStage.Unspecified || p.Stage == request.Stage);
        return new Proto.ListProjectsResponse { Projects = { asTheyWere }, NextPageToken = nextPageToken };
    }

    public override async Task<Proto.Project> UpdateProject(Proto.UpdateProjectRequest request, ServerCallContext context)
    {
        var (project, before, after) = await Updatable.Project.Open(
            "Project", "project", request.Project, request.UpdateMask, db.Projects, p => p.ToProto(), context.CancellationToken);

        ProjectMapper.Validate(after, "project", new FieldViolations()).ThrowIfAny();

        var previousStage = project.Stage;
        project.CopyFrom(after);
        var changed = Updatable.Project.Changed(before, project.ToProto());
        if (changed.Count == 0)
        {
            return project.ToProto();
        }

        project.UpdatedAt = clock.GetUtcNow();
        if (project.Stage != previousStage)
        {
            project.StageChangedAt = project.UpdatedAt;
            outbox.Enqueue(new ProjectStageChanged(db.TenantId, project.CompanyId, project.Id, previousStage.ToString(), project.Stage.ToString(), project.Value, project.ValueCurrency));
        }

        db.CompanyChanges.AddRange(CompanyHistory.ProjectChanges(project, before, project.ToProto(), changed, actors.Current, project.UpdatedAt));
        await db.SaveChangesAsync(context.CancellationToken);
        return project.ToProto();
    }
}
