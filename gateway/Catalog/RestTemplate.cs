using System.Text;
using System.Text.RegularExpressions;

namespace CrmPlatform.Gateway.Catalog;

/// <summary>
/// A <c>google.api.http</c> path template (<c>/v1/companies/{company.id}:undelete</c>) and the
/// request paths it accepts. A variable is one path segment and never holds a colon, so a
/// custom verb (<c>:undelete</c>) and a literal collection verb (<c>/v1/companies:search</c>) are
/// never taken for an id.
/// </summary>
public sealed partial class RestTemplate
{
    private readonly Regex pattern;

    private RestTemplate(string text, IReadOnlyList<string> variables, Regex pattern)
    {
        Text = text;
        Variables = variables;
        this.pattern = pattern;
    }

    public string Text { get; }

    /// <summary>The request fields bound from the path, as the template names them (<c>company.id</c>).</summary>
    public IReadOnlyList<string> Variables { get; }

    public static RestTemplate Parse(string text)
    {
        var variables = new List<string>();
        var regex = new StringBuilder("^");
        var at = 0;
        foreach (Match variable in Variable().Matches(text))
        {
            regex.Append(Regex.Escape(text[at..variable.Index])).Append("[^/:]+");
            variables.Add(variable.Groups["name"].Value);
            at = variable.Index + variable.Length;
        }

        regex.Append(Regex.Escape(text[at..])).Append("/?$");
        return new RestTemplate(text, variables, new Regex(regex.ToString(), RegexOptions.CultureInvariant));
    }

    public bool Matches(string path) => pattern.IsMatch(path);

    /// <summary>The template as an OpenAPI path: <c>{company.id}</c> stays, a <c>{name=*}</c> pattern is dropped.</summary>
    public string OpenApiPath => Variable().Replace(Text, m => $"{{{m.Groups["name"].Value}}}");

    [GeneratedRegex(@"\{(?<name>[A-Za-z0-9_.]+)(=[^}]*)?\}")]
    private static partial Regex Variable();
}
