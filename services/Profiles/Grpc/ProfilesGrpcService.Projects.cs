using CrmPlatform.Contracts.Profiles.V1;
using CrmPlatform.EventContracts.Profiles.V1;
using CrmPlatform.ServiceDefaults.Grpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace CrmPlatform.Profiles.Grpc;

/// <summary>What was sold, proposed or planned with a client, and what stalled on the way.</summary>
public sealed partial class ProfilesGrpcService
{
    private const string AllCompanies = "-";

    public override async Task<Project> CreateProject(CreateProjectRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = ResourceId.Parse(request.CompanyId, "company_id", violations);
        ProjectMapper.Validate(request.Project, "project", violations).ThrowIfAny();
        await Live(companyId, request.CompanyId, null, context.CancellationToken);

        var now = clock.GetUtcNow();
        var project = new Data.Project { Name = "", TenantId = db.TenantId, CompanyId = companyId, CreatedAt = now, UpdatedAt = now, StageChangedAt = now };
        project.CopyFrom(request.Project);
        db.Projects.Add(project);
        outbox.Enqueue(new ProjectStageChanged(db.TenantId, companyId, project.Id, null, project.Stage.ToString(), project.Value, project.ValueCurrency));
        await db.SaveChangesAsync(context.CancellationToken);
        return project.ToProto();
    }

    public override async Task<Project> GetProject(GetProjectRequest request, ServerCallContext context)
    {
        var id = ResourceId.Parse(request.Id, "id");
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Project", request.Id);
        if (request.AsOfTime is null)
        {
            return project.ToProto();
        }

        return (await AsOf([project], request.AsOfTime.ToDateTimeOffset(), context.CancellationToken)).FirstOrDefault()
            ?? throw new ResourceNotFoundException("Project", request.Id);
    }

    public override async Task<ListProjectsResponse> ListProjects(ListProjectsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var companyId = request.CompanyId == AllCompanies ? (Guid?)null : ResourceId.Parse(request.CompanyId, "company_id", violations);
        var pageSize = Paging.PageSize(request.PageSize, "page_size", violations);
        var after = Paging.After(request.PageToken, "page_token", violations);
        violations
            .Check(System.Enum.IsDefined(request.Stage), "stage", "is not a known stage")
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
        else if (request.Stage != ProjectStage.Unspecified)
        {
            var stage = (Data.ProjectStage)request.Stage;
            query = query.Where(p => p.Stage == stage);
        }

        if (request.StalledForDays > 0)
        {
            var stuckSince = clock.GetUtcNow().AddDays(-request.StalledForDays);
            query = query.Where(p => (p.Stage == Data.ProjectStage.Planning || p.Stage == Data.ProjectStage.Stalled) && p.StageChangedAt <= stuckSince);
        }

        if (after is { } cursor)
        {
            query = query.Where(p => p.Id.CompareTo(cursor) > 0);
        }

        var page = await query.OrderBy(p => p.Id).Take(pageSize + 1).ToListAsync(context.CancellationToken);
        var nextPageToken = Paging.TakePage(page, pageSize, p => p.Id);
        if (asOf is not { } past)
        {
            return new ListProjectsResponse { Projects = { page.Select(p => p.ToProto()) }, NextPageToken = nextPageToken };
        }

        // A page can come back shorter than page_size: the stage filter applies after rewinding.
        var asTheyWere = (await AsOf(page, past, context.CancellationToken)).Where(p => request.Stage == ProjectStage.Unspecified || p.Stage == request.Stage);
        return new ListProjectsResponse { Projects = { asTheyWere }, NextPageToken = nextPageToken };
    }

    public override async Task<Project> UpdateProject(UpdateProjectRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        if (request.Project is null)
        {
            violations.Add("project", "is required").ThrowIfAny();
        }

        var id = ResourceId.Parse(request.Project!.Id, "project.id", violations);
        var mask = Updatable.Project.Resolve(request.UpdateMask, request.Project, violations);
        violations.ThrowIfAny();

        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, context.CancellationToken)
            ?? throw new ResourceNotFoundException("Project", request.Project.Id);
        Updatable.CheckEtag("Project", request.Project.Id, request.Project.Etag, project.Etag);

        var before = project.ToProto();
        var after = UpdatableFields<Project>.Apply(mask, request.Project, before);
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

        db.CompanyChanges.AddRange(CompanyHistory.ProjectChanges(project, before, project.ToProto(), changed, Actor(), project.UpdatedAt));
        await db.SaveChangesAsync(context.CancellationToken);
        return project.ToProto();
    }
}
