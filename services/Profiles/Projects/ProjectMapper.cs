using CrmPlatform.Profiles.Data;
using CrmPlatform.GrpcConventions;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Projects;

internal static class ProjectMapper
{
    public static Proto.Project ToProto(this Project project) => new()
    {
        Id = project.Id.ToString(),
        CompanyId = project.CompanyId.ToString(),
        Name = project.Name,
        Description = project.Description ?? "",
        Products = { project.Products },
        Value = project.Value?.ToMoney(project.ValueCurrency!),
        Stage = (Proto.ProjectStage)project.Stage,
        StartDate = project.StartDate?.ToDate(),
        CloseDate = project.CloseDate?.ToDate(),
        StageTime = Timestamp.FromDateTimeOffset(project.StageChangedAt),
        Etag = project.Etag,
        CreateTime = Timestamp.FromDateTimeOffset(project.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(project.UpdatedAt),
    };

    public static void CopyFrom(this Project project, Proto.Project proto)
    {
        project.Name = proto.Name.Trim();
        project.Description = string.IsNullOrWhiteSpace(proto.Description) ? null : proto.Description.Trim();
        project.Products = proto.Products.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList();
        project.Value = proto.Value?.ToDecimal();
        project.ValueCurrency = proto.Value?.CurrencyCode;
        project.Stage = (ProjectStage)proto.Stage;
        project.StartDate = proto.StartDate?.ToDateOnly();
        project.CloseDate = proto.CloseDate?.ToDateOnly();
    }

    public static FieldViolations Validate(Proto.Project? project, string prefix, FieldViolations violations)
    {
        if (project is null)
        {
            return violations.Add(prefix, "is required");
        }

        violations
            .Required($"{prefix}.name", project.Name)
            .MaxLength($"{prefix}.name", project.Name, 200)
            .MaxLength($"{prefix}.description", project.Description, 4000)
            .Check(project.Products.Count <= 50, $"{prefix}.products", "must have at most 50 products")
            .Check(project.Products.All(p => p.Length <= 200), $"{prefix}.products", "must each be at most 200 characters")
            .Money($"{prefix}.value", project.Value)
            .Check(project.Value is null || project.Value.Units >= 0 && project.Value.Nanos >= 0, $"{prefix}.value", "must not be negative")
            .Check(project.Stage != Proto.ProjectStage.Unspecified && System.Enum.IsDefined(project.Stage), $"{prefix}.stage", "must be a known stage");
        var start = violations.Date($"{prefix}.start_date", project.StartDate);
        var close = violations.Date($"{prefix}.close_date", project.CloseDate);
        return violations.Check(start is null || close is null || close >= start, $"{prefix}.close_date", "must not be before the start date");
    }
}
