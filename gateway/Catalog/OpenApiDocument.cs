using System.Text.Json;
using System.Text.Json.Nodes;
using CrmPlatform.Gateway.Auth;
using Google.Protobuf.Reflection;

namespace CrmPlatform.Gateway.Catalog;

/// <summary>
/// The OpenAPI 3.0 document of the REST surface, generated from the contracts' descriptors (the
/// same <see cref="MethodCatalog"/> the gateway enforces), never written by hand: paths and verbs
/// from <c>google.api.http</c>, path and query parameters from the request fields, the body from
/// <c>body:</c>, every error as <c>google.rpc.Status</c>, and each operation's required scope.
/// </summary>
public static class OpenApiDocument
{
    public const string Path = "/openapi/v1.json";
    public const string ScopeExtension = "x-crm-required-scope";

    private const string ImportContentTypes = "text/csv, application/x-ndjson";

    public static string Generate(MethodCatalog catalog) =>
        Build(catalog).ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public static JsonObject Build(MethodCatalog catalog)
    {
        var schemas = new OpenApiSchemas();
        var status = schemas.Reference(Google.Rpc.Status.Descriptor);
        var paths = new JsonObject();
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var method in catalog.Rest.OrderBy(m => m.Template!.OpenApiPath, StringComparer.Ordinal))
        {
            var path = method.Template!.OpenApiPath;
            if (paths[path] is not JsonObject item)
            {
                paths[path] = item = new JsonObject();
            }

            // A method with several bindings (a company's timeline, a person's) is one operation per path.
            var operation = Operation(method, schemas, status);
            var id = (string)operation["operationId"]!;
            for (var n = 2; !operationIds.Add(id); n++)
            {
                id = $"{operation["operationId"]}_{n}";
            }

            operation["operationId"] = id;
            item[method.Verb!.ToLowerInvariant()] = operation;
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "CrmPlatform",
                ["version"] = "v1",
                ["description"] = "Generated from protos/ by the gateway. Every operation is also a gRPC method of the same name.",
            },
            ["security"] = new JsonArray(new JsonObject { ["apiKey"] = new JsonArray() }, new JsonObject { ["bearer"] = new JsonArray() }),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["apiKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "x-api-key" },
                    ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" },
                },
                ["schemas"] = schemas.Components(),
            },
        };
    }

    private static JsonObject Operation(ContractMethod method, OpenApiSchemas schemas, JsonObject status)
    {
        var request = method.Descriptor.InputType;
        var pathFields = method.Template!.Variables.ToDictionary(v => v, v => Resolve(request, v));
        var parameters = new JsonArray();
        foreach (var (name, field) in pathFields)
        {
            parameters.Add(new JsonObject { ["name"] = name, ["in"] = "path", ["required"] = true, ["schema"] = schemas.Field(field) });
        }

        var handWritten = !method.Descriptor.IsClientStreaming ? null : ImportContentTypes;
        var bound = pathFields.Keys.Select(v => v.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        if (method.Body is null)
        {
            foreach (var field in request.Fields.InDeclarationOrder().Where(f => !bound.Contains(f.Name)))
            {
                AddQuery(parameters, field, field.JsonName, schemas, depth: 0);
            }
        }
        else if (method.Body != "*")
        {
            var bodyField = request.FindFieldByName(method.Body)!;
            foreach (var field in request.Fields.InDeclarationOrder().Where(f => !bound.Contains(f.Name) && f != bodyField))
            {
                AddQuery(parameters, field, field.JsonName, schemas, depth: 0);
            }
        }

        // The import's idempotency key; the ingest's mailbox owner; billing history is idempotent by its records' external ids.
        var query = request.Name switch
        {
            "ImportCompaniesRequest" => "requestId",
            "IngestInteractionsRequest" => "ownerId",
            _ => null,
        };
        if (handWritten is not null && query is not null)
        {
            parameters.Add(new JsonObject { ["name"] = query, ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } });
        }

        var operation = new JsonObject
        {
            ["operationId"] = $"{method.Descriptor.Service.Name}_{method.Descriptor.Name}",
            ["tags"] = new JsonArray(method.Descriptor.Service.FullName),
            ["description"] = $"gRPC {method.GrpcPath}. Needs an API key with the scope {method.Scope}.",
            [ScopeExtension] = method.Scope,
            ["parameters"] = parameters,
        };

        if (handWritten is not null)
        {
            // Companies and billing history also come as CSV; every streamed REST body comes as JSON lines of the row message.
            var csv = request.Name is "ImportCompaniesRequest" or "ImportBillingHistoryRequest";
            var content = new JsonObject();
            if (csv)
            {
                content["text/csv"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "string" } };
            }

            content["application/x-ndjson"] = new JsonObject { ["schema"] = schemas.Reference(request) };
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["description"] = request.Name switch
                {
                    "ImportCompaniesRequest" => "One company a line: CSV with a header row, or JSON lines of ImportCompaniesRequest.",
                    "ImportBillingHistoryRequest" => "One record a line: CSV with a header row (its record column: invoice, payment or credit_note), or JSON lines of BillingRecord.",
                    _ => $"One row a line: JSON lines of {request.Name}'s row message.",
                },
                ["content"] = content,
            };
        }
        else if (method.Body == "*")
        {
            operation["requestBody"] = Body(pathFields.Count == 0
                ? schemas.Reference(request)
                : schemas.Object(request.Fields.InDeclarationOrder().Where(f => !bound.Contains(f.Name))));
        }
        else if (method.Body is not null)
        {
            operation["requestBody"] = Body(schemas.Field(request.FindFieldByName(method.Body)!));
        }

        var streamed = method.Descriptor.IsServerStreaming;
        operation["responses"] = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = streamed ? "A stream of messages, one JSON object per line." : "OK",
                ["content"] = new JsonObject
                {
                    [streamed ? "application/x-ndjson" : "application/json"] = new JsonObject { ["schema"] = schemas.Reference(method.Descriptor.OutputType) },
                },
            },
            ["default"] = new JsonObject
            {
                ["description"] = $"An error as google.rpc.Status (403 with reason {AccessRefusal.ScopeMissing} when the key lacks the scope).",
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = status.DeepClone() } },
            },
        };
        return operation;
    }

    /// <summary>Query parameters as transcoding reads them: scalars by JSON name, a message's fields as <c>parent.child</c>.</summary>
    private static void AddQuery(JsonArray parameters, FieldDescriptor field, string name, OpenApiSchemas schemas, int depth)
    {
        var schema = schemas.Field(field);
        if (field.FieldType == FieldType.Message && schema.ContainsKey("$ref"))
        {
            if (!field.IsRepeated && depth < 2)
            {
                foreach (var child in field.MessageType.Fields.InDeclarationOrder())
                {
                    AddQuery(parameters, child, $"{name}.{child.JsonName}", schemas, depth + 1);
                }
            }

            return;
        }

        if (field.IsMap)
        {
            return;
        }

        var parameter = new JsonObject { ["name"] = name, ["in"] = "query", ["schema"] = schema };
        if (field.IsRepeated)
        {
            parameter["explode"] = true;
        }

        parameters.Add(parameter);
    }

    private static JsonObject Body(JsonObject schema) => new()
    {
        ["required"] = true,
        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema } },
    };

    private static FieldDescriptor Resolve(MessageDescriptor message, string path)
    {
        var names = path.Split('.');
        var field = message.FindFieldByName(names[0])
            ?? throw new InvalidOperationException($"{message.FullName} has no field {names[0]} for the path variable {path}.");
        return names.Length == 1 ? field : Resolve(field.MessageType, string.Join('.', names[1..]));
    }
}
