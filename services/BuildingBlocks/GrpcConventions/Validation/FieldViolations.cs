using Google.Rpc;
using Grpc.Core;

namespace CrmPlatform.GrpcConventions;

/// <summary>
/// Collects every problem with a request before answering, so a client fixes them all in one go.
/// Thrown as InvalidArgument with google.rpc.BadRequest details; REST clients get the same
/// violations in a 400 body.
/// </summary>
public sealed class FieldViolations
{
    private readonly List<BadRequest.Types.FieldViolation> violations = [];

    public bool IsEmpty => violations.Count == 0;

    public FieldViolations Add(string field, string description)
    {
        violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

    public FieldViolations Required(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? Add(field, "is required") : this;

    public FieldViolations MaxLength(string field, string? value, int max) =>
        value is not null && value.Length > max ? Add(field, $"must be at most {max} characters") : this;

    public FieldViolations Check(bool valid, string field, string description) =>
        valid ? this : Add(field, description);

    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw ToException();
        }
    }

    public IReadOnlyList<BadRequest.Types.FieldViolation> ToList() => violations;

    /// <summary>One line for the status message: the violation itself when there is one.</summary>
    public string Summary => violations.Count == 1
        ? $"{violations[0].Field}: {violations[0].Description}"
        : $"The request has {violations.Count} invalid fields.";

    public BadRequest ToBadRequest()
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations);
        return badRequest;
    }

    public RpcException ToException() =>
        new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = Summary,
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(ToBadRequest()) },
        }.ToRpcException();
}
