using CrmPlatform.Interactions.Data;
using CrmPlatform.Interactions.Timeline;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Tests;

public sealed class InteractionMapperTests
{
    private static readonly Guid Author = Guid.NewGuid();
    private static readonly Reader TheAuthor = new(Author, []);
    private static readonly Reader SomeoneElse = new(Guid.NewGuid(), ["sales"]);

    private static readonly Proto.CallDetails Call = new() { DurationSeconds = 300, Outcome = Proto.CallOutcome.Connected };

    [Fact]
    public void ASubjectOnlyItemOfSomeoneElse_WithholdsBodyAndDetails()
    {
        var proto = SubjectOnlyCall().ToProto(SomeoneElse);

        Assert.Equal(("", Proto.Interaction.DetailsOneofCase.None, true), (proto.Body, proto.DetailsCase, proto.Redacted));
    }

    [Fact]
    public void ASubjectOnlyItemOfSomeoneElse_KeepsSubjectAndTopics()
    {
        var proto = SubjectOnlyCall().ToProto(SomeoneElse);

        Assert.Equal(("Pricing call", "pricing"), (proto.Subject, string.Join(",", proto.Topics)));
    }

    [Fact]
    public void ASubjectOnlyItem_IsWholeForItsAuthor()
    {
        var proto = SubjectOnlyCall().ToProto(TheAuthor);

        Assert.Equal(("They want 10% off", Call, false), (proto.Body, proto.Call, proto.Redacted));
    }

    [Fact]
    public void AnItemForEveryone_IsWholeForAnyone()
    {
        var item = SubjectOnlyCall();
        item.Visibility = Visibility.Everyone;

        var proto = item.ToProto(SomeoneElse);

        Assert.Equal(("They want 10% off", Call, false), (proto.Body, proto.Call, proto.Redacted));
    }

    [Fact]
    public void Details_RoundTripThroughTheStoredJson()
    {
        var email = new Proto.EmailDetails
        {
            From = new Proto.EmailAddress { Address = "erik@seller.example", MemberId = Author.ToString() },
            To = { new Proto.EmailAddress { Address = "anna@acme.example" } },
            ThreadId = "thread-1",
        };
        var item = new Interaction { Kind = InteractionKind.Email, Subject = "Offer", DetailsJson = InteractionMapper.DetailsJsonOf(new Proto.Interaction { Subject = "Offer", Email = email }) };

        Assert.Equal(email, item.ToProto(TheAuthor).Email);
    }

    [Fact]
    public void TheStoredJson_HoldsTheDetailsAlone()
    {
        var json = InteractionMapper.DetailsJsonOf(new Proto.Interaction { Kind = Proto.InteractionKind.Call, Subject = "Pricing call", Body = "Long talk", Call = Call });

        Assert.Equal(new Proto.Interaction { Call = Call }, InteractionMapper.Parse<Proto.Interaction>(json!));
    }

    [Fact]
    public void AnItemWithoutDetails_StoresNoJson()
    {
        Assert.Null(InteractionMapper.DetailsJsonOf(new Proto.Interaction { Kind = Proto.InteractionKind.Note, Subject = "Met the CFO" }));
    }

    [Fact]
    public void TheEtag_ChangesWithTheVersion()
    {
        var item = new Interaction();
        var first = InteractionMapper.EtagOf(item);
        item.Version++;

        Assert.Equal(("W/\"1\"", "W/\"2\""), (first, InteractionMapper.EtagOf(item)));
    }

    [Fact]
    public void TheProtosEtag_IsTheItemsEtag()
    {
        var item = SubjectOnlyCall();
        item.Version = 7;

        Assert.Equal("W/\"7\"", item.ToProto(TheAuthor).Etag);
    }

    [Theory]
    [InlineData(Proto.InteractionKind.Note, Proto.Interaction.DetailsOneofCase.None)]
    [InlineData(Proto.InteractionKind.Call, Proto.Interaction.DetailsOneofCase.Call)]
    [InlineData(Proto.InteractionKind.Meeting, Proto.Interaction.DetailsOneofCase.Meeting)]
    [InlineData(Proto.InteractionKind.Email, Proto.Interaction.DetailsOneofCase.Email)]
    [InlineData(Proto.InteractionKind.SocialSignal, Proto.Interaction.DetailsOneofCase.SocialSignal)]
    [InlineData(Proto.InteractionKind.NewsletterSend, Proto.Interaction.DetailsOneofCase.Newsletter)]
    [InlineData(Proto.InteractionKind.NewsletterOpen, Proto.Interaction.DetailsOneofCase.Newsletter)]
    [InlineData(Proto.InteractionKind.NewsletterClick, Proto.Interaction.DetailsOneofCase.Newsletter)]
    [InlineData(Proto.InteractionKind.DocumentSent, Proto.Interaction.DetailsOneofCase.Document)]
    [InlineData(Proto.InteractionKind.Task, Proto.Interaction.DetailsOneofCase.Task)]
    public void EachKind_CarriesItsOwnDetails(Proto.InteractionKind kind, Proto.Interaction.DetailsOneofCase details)
    {
        Assert.Equal(details, InteractionMapper.DetailsOf(kind));
    }

    private static Interaction SubjectOnlyCall() => new()
    {
        CompanyId = Guid.NewGuid(),
        Kind = InteractionKind.Call,
        Channel = Channel.Phone,
        Direction = Direction.Outbound,
        Subject = "Pricing call",
        Body = "They want 10% off",
        OccurredAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
        AuthorId = Author,
        Visibility = Visibility.SubjectOnly,
        Topics = ["pricing"],
        DetailsJson = InteractionMapper.DetailsJsonOf(new Proto.Interaction { Call = Call }),
    };
}
