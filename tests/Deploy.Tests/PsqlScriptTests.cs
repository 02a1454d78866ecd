using CrmPlatform.AppHost.Infrastructure;

namespace CrmPlatform.Deploy.Tests;

public sealed class PsqlScriptTests
{
    [Fact]
    public void Quote_DoublesASingleQuote()
    {
        Assert.Equal("'it''s'", Psql.Quote("it's"));
    }

    [Fact]
    public void Quote_EscapesABackslash()
    {
        Assert.Equal(@"'a\\b'", Psql.Quote(@"a\b"));
    }

    [Fact]
    public void Quote_KeepsALineBreakInsideTheArgument()
    {
        Assert.Equal(@"'a\nb'", Psql.Quote("a\nb"));
    }

    [Fact]
    public void Script_SetsEveryVariableThenIncludesTheFile()
    {
        var script = Psql.Script("/deploy/postgres/01_roles.sql", new Dictionary<string, string> { ["app_role"] = "profilesdb_app", ["app_password"] = "s'cret" });

        Assert.Equal("\\set app_role 'profilesdb_app'\n\\set app_password 's''cret'\n\\i '/deploy/postgres/01_roles.sql'\n", script);
    }
}
