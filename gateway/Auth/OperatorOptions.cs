using System.ComponentModel.DataAnnotations;

namespace CrmPlatform.Gateway.Auth;

public sealed class OperatorOptions
{
    public const string Section = "Operator";

    /// <summary>The operators' credential; long and random, from the environment, never in a file in the repository.</summary>
    [Required, MinLength(32)]
    public string ApiKey { get; set; } = "";
}
