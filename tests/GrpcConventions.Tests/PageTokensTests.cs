using CrmPlatform.Tenancy;

namespace CrmPlatform.GrpcConventions.Tests;

public sealed class PageTokensTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly Guid TenantA = Guid.Parse("0199a3f0-0000-7000-8000-00000000000a");
    private static readonly Guid TenantB = Guid.Parse("0199a3f0-0000-7000-8000-00000000000b");

    [Fact]
    public void FirstPage_HasNoCursor_AndTheDefaultSize()
    {
        var page = Read(new ListThingsRequest(), out var violations);

        Assert.Null(page.After);
        Assert.Equal(PageTokens.DefaultPageSize, page.Size);
        Assert.Empty(violations);
    }

    [Fact]
    public void PageSize_AboveTheMaximum_IsClamped()
    {
        var page = Read(new ListThingsRequest { PageSize = 100_000 }, out var violations);

        Assert.Equal(PageTokens.MaxPageSize, page.Size);
        Assert.Empty(violations);
    }

    [Fact]
    public void PageSize_Negative_IsAViolationOfPageSize()
    {
        Read(new ListThingsRequest { PageSize = -1 }, out var violations);

        Assert.Equal(["page_size"], violations);
    }

    [Fact]
    public void Token_CarriesTheCursorOfTheLastRowKept()
    {
        var request = new ListThingsRequest { Owner = "ana", PageSize = 2 };
        var rows = new List<(Guid Id, DateTimeOffset At)> { Row(1), Row(2), Row(3) };

        var token = Read(request, out _).Close(rows, r => PageCursor.At(r.At, r.Id));
        var next = Read(new ListThingsRequest(request) { PageToken = token }, out var violations);

        Assert.Equal(2, rows.Count);
        Assert.Empty(violations);
        Assert.Equal(rows[1].Id, next.After!.Value.Id);
        Assert.Equal(rows[1].At, next.After!.Value.Time);
    }

    [Fact]
    public void Token_KeepsAScoreExactly()
    {
        var request = new ListThingsRequest { PageSize = 1 };
        var id = Guid.CreateVersion7();

        var token = Read(request, out _).Close([0.1 + 0.2, 0.5], score => PageCursor.At(score, id));

        Assert.Equal(0.1 + 0.2, Read(new ListThingsRequest(request) { PageToken = token }, out _).After!.Value.Score);
    }

    [Fact]
    public void Close_OnTheLastPage_ReturnsNoToken_AndKeepsEveryRow()
    {
        var rows = new List<(Guid Id, DateTimeOffset At)> { Row(1), Row(2) };

        var token = Read(new ListThingsRequest { PageSize = 2 }, out _).Close(rows, r => PageCursor.At(r.Id));

        Assert.Equal("", token);
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void Token_WithAnotherPageSize_IsHonoured()
    {
        var token = FirstToken(new ListThingsRequest { Owner = "ana", PageSize = 1 });

        Read(new ListThingsRequest { Owner = "ana", PageSize = 50, PageToken = token }, out var violations);

        Assert.Empty(violations);
    }

    [Fact]
    public void Token_WithOtherFilters_IsRefused()
    {
        var token = FirstToken(new ListThingsRequest { Owner = "ana", PageSize = 1 });

        Read(new ListThingsRequest { Owner = "bob", PageSize = 1, PageToken = token }, out var violations);

        Assert.Equal(["page_token"], violations);
    }

    [Fact]
    public void Token_WithAnExtraRepeatedFilter_IsRefused()
    {
        var token = FirstToken(new ListThingsRequest { Tags = { "a" }, PageSize = 1 });

        Read(new ListThingsRequest { Tags = { "a", "b" }, PageSize = 1, PageToken = token }, out var violations);

        Assert.Equal(["page_token"], violations);
    }

    [Fact]
    public void Token_OfAnotherTenant_IsRefused()
    {
        var token = FirstToken(new ListThingsRequest { PageSize = 1 }, TenantA);

        Read(new ListThingsRequest { PageSize = 1, PageToken = token }, out var violations, TenantB);

        Assert.Equal(["page_token"], violations);
    }

    [Fact]
    public void Token_SignedWithAnotherKey_IsRefused()
    {
        var otherKey = Key.Select(b => (byte)(b ^ 0xff)).ToArray();
        var token = FirstToken(new ListThingsRequest { PageSize = 1 }, key: otherKey);

        Read(new ListThingsRequest { PageSize = 1, PageToken = token }, out var violations);

        Assert.Equal(["page_token"], violations);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(54)]
    public void Token_WithOneCharacterChanged_IsRefused(int position)
    {
        var token = FirstToken(new ListThingsRequest { PageSize = 1 }).ToCharArray();
        token[position] = token[position] == 'A' ? 'B' : 'A';

        Read(new ListThingsRequest { PageSize = 1, PageToken = new string(token) }, out var violations);

        Assert.Equal(["page_token"], violations);
    }

    [Theory]
    [InlineData("not a token")]
    [InlineData("AAAA")]
    [InlineData("=====")]
    [InlineData("\u00e9\u00e9\u00e9\u00e9")]
    public void Token_NotIssuedByUs_IsRefused_WithoutThrowing(string token)
    {
        Read(new ListThingsRequest { PageToken = token }, out var violations);

        Assert.Equal(["page_token"], violations);
    }

    private static string FirstToken(ListThingsRequest request, Guid? tenant = null, byte[]? key = null) =>
        Read(request, out _, tenant, key).Close([Row(1), Row(2), Row(3)], r => PageCursor.At(r.Id));

    private static PageRequest Read(ListThingsRequest request, out List<string> violatedFields, Guid? tenant = null, byte[]? key = null)
    {
        var violations = new FieldViolations();
        var page = PageTokens.WithKey(key ?? Key, new FixedTenant(tenant ?? TenantA)).Read(request, violations);
        violatedFields = violations.ToList().Select(v => v.Field).ToList();
        return page;
    }

    private static (Guid Id, DateTimeOffset At) Row(int minute) =>
        (Guid.CreateVersion7(), new DateTimeOffset(2026, 11, 23, 9, minute, 0, TimeSpan.Zero));

    private sealed class FixedTenant(Guid id) : ITenantContextAccessor
    {
        public TenantInfo? Tenant { get; } = new(id);
    }
}
