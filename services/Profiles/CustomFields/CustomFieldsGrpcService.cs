using System.Text.RegularExpressions;
using CrmPlatform.GrpcConventions;
using CrmPlatform.Profiles.Data;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.CustomFields;

/// <summary>crm.profiles.v1.CustomFieldsService: the tenant's own company fields. Values stored under a removed key stay until the company is next saved.</summary>
public sealed partial class CustomFieldsGrpcService(ProfilesDbContext db)
    : Proto.CustomFieldsService.CustomFieldsServiceBase
{
    public override async Task<Proto.CustomFieldSchema> GetCustomFieldSchema(Proto.GetCustomFieldSchemaRequest request, ServerCallContext context) =>
        await Schema(context.CancellationToken);

    public override async Task<Proto.CustomFieldSchema> UpdateCustomFieldSchema(Proto.UpdateCustomFieldSchemaRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var fields = request.Schema?.Fields ?? [];
        violations.Check(fields.Count <= 100, "schema.fields", "must have at most 100 fields");
        for (var i = 0; i < fields.Count; i++)
        {
            violations
                .Check(CustomFieldKey().IsMatch(fields[i].Key), $"schema.fields[{i}].key", "must be lowercase letters, digits and underscores, starting with a letter, at most 40")
                .Check(fields[i].Type != Proto.CustomFieldType.Unspecified && Enum.IsDefined(fields[i].Type), $"schema.fields[{i}].type", "must be TEXT, NUMBER, BOOL or DATE")
                .MaxLength($"schema.fields[{i}].label", fields[i].Label, 100)
                .Check(fields.Take(i).All(f => f.Key != fields[i].Key), $"schema.fields[{i}].key", "is defined twice");
        }

        violations.ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(context.CancellationToken);
        await db.CustomFieldDefinitions.ExecuteDeleteAsync(context.CancellationToken);
        db.CustomFieldDefinitions.AddRange(fields.Select(f => new CustomFieldDefinition
        {
            Key = f.Key,
            Type = (CustomFieldType)f.Type,
            Label = string.IsNullOrWhiteSpace(f.Label) ? null : f.Label.Trim(),
        }));
        await db.SaveChangesAsync(context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return await Schema(context.CancellationToken);
    }

    private async Task<Proto.CustomFieldSchema> Schema(CancellationToken cancellationToken) => new()
    {
        Fields =
        {
            (await db.CustomFieldDefinitions.AsNoTracking().OrderBy(d => d.Key).ToListAsync(cancellationToken))
                .Select(d => new Proto.CustomFieldDefinition { Key = d.Key, Type = (Proto.CustomFieldType)d.Type, Label = d.Label ?? "" }),
        },
    };

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex CustomFieldKey();
}
