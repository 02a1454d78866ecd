using CrmPlatform.GrpcConventions;
using CrmPlatform.Interactions.Timeline;
using Google.Protobuf.WellKnownTypes;
using Proto = CrmPlatform.Contracts.Interactions.V1;

namespace CrmPlatform.Interactions.Tests;

public sealed class InteractionValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AMissingInteraction_IsAViolationOfIt()
    {
        Assert.Equal(["interaction"], Fields(null));
    }

    [Fact]
    public void AnInteractionWithoutKind_IsAViolationOfTheKind()
    {
        Assert.Equal(["interaction.kind"], Fields(new Proto.Interaction { Subject = "Intro call" }));
    }

    [Fact]
    public void AnInteractionWithNeitherSubjectNorBody_IsAViolationOfTheBody()
    {
        Assert.Equal(["interaction.body"], Fields(new Proto.Interaction { Kind = Proto.InteractionKind.Note, Subject = "  " }));
    }

    [Fact]
    public void ASubjectOverItsLimit_IsAViolationOfTheSubject()
    {
        Assert.Equal(["interaction.subject"], Fields(new Proto.Interaction { Kind = Proto.InteractionKind.Note, Subject = new string('a', 301) }));
    }

    [Fact]
    public void AKindTheContractDoesNotName_IsAViolationOfTheKind()
    {
        Assert.Equal(["interaction.kind"], Fields(new Proto.Interaction { Kind = (Proto.InteractionKind)99, Subject = "Call" }));
    }

    [Fact]
    public void ABodyOverItsLimit_IsAViolationOfTheBody()
    {
        Assert.Equal(["interaction.body"], Fields(new Proto.Interaction { Kind = Proto.InteractionKind.Note, Body = new string('a', 20_001) }));
    }

    [Fact]
    public void ABodyWithoutASubject_IsValid()
    {
        Assert.Empty(Fields(new Proto.Interaction { Kind = Proto.InteractionKind.Note, Body = "Met the CFO." }));
    }

    [Fact]
    public void ATimeMoreThanAYearAhead_IsAViolationOfTheOccurTime()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.Meeting, Subject = "Kick-off", OccurTime = Timestamp.FromDateTimeOffset(Now.AddDays(400)) };

        Assert.Equal(["interaction.occur_time"], Fields(interaction));
    }

    [Fact]
    public void ATimeOutsideWhatATimestampHolds_IsAViolation_NotAnException()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.Call, Subject = "Call", OccurTime = new Timestamp { Seconds = long.MaxValue } };

        Assert.Equal(["interaction.occur_time"], Fields(interaction));
    }

    [Fact]
    public void NanosOutsideOneSecond_AreAViolation_NotAnException()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.Call, Subject = "Call", OccurTime = new Timestamp { Seconds = 1_700_000_000, Nanos = -1 } };

        Assert.Equal(["interaction.occur_time"], Fields(interaction));
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce()
    {
        Assert.Equal(["interaction.body", "interaction.kind"], Fields(new Proto.Interaction()).Order());
    }

    [Fact]
    public void AMeetingNextWeek_IsValid()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.Meeting, Subject = "Kick-off", OccurTime = Timestamp.FromDateTimeOffset(Now.AddDays(7)) };

        Assert.Empty(Fields(interaction));
    }

    [Fact]
    public void DetailsOfAnotherKind_AreAViolationOfThoseDetails()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.Email, Subject = "Offer", Call = new Proto.CallDetails() };

        Assert.Equal(["interaction.call"], Fields(interaction));
    }

    [Fact]
    public void DetailsOnANote_AreAViolationOfThoseDetails()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.Note, Subject = "Met the CFO", Task = new Proto.TaskDetails() };

        Assert.Equal(["interaction.task"], Fields(interaction));
    }

    [Theory]
    [InlineData(Proto.InteractionKind.NewsletterSend)]
    [InlineData(Proto.InteractionKind.NewsletterOpen)]
    [InlineData(Proto.InteractionKind.NewsletterClick)]
    public void ANewsletterEventWithoutNewsletterDetails_IsAViolationOfThem(Proto.InteractionKind kind)
    {
        Assert.Equal(["interaction.newsletter"], Fields(new Proto.Interaction { Kind = kind }));
    }

    [Fact]
    public void ANewsletterOpenWithItsCampaign_NeedsNoText()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.NewsletterOpen, Newsletter = new Proto.NewsletterDetails { CampaignId = "november" } };

        Assert.Empty(Fields(interaction));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void ASocialSignalConfidenceOutsideZeroToOne_IsAViolationOfIt(double confidence)
    {
        Assert.Equal(["interaction.social_signal.author_confidence"], Fields(Social(confidence)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void ASocialSignalConfidenceAtItsBounds_IsValid(double confidence)
    {
        Assert.Empty(Fields(Social(confidence)));
    }

    [Fact]
    public void ABadAddressInTheSecondRecipient_IsAViolationOfThatAddress()
    {
        var interaction = new Proto.Interaction
        {
            Kind = Proto.InteractionKind.Email,
            Subject = "Offer",
            Email = new Proto.EmailDetails { To = { new Proto.EmailAddress { Address = "anna@acme.example" }, new Proto.EmailAddress { Address = "anna at acme" } } },
        };

        Assert.Equal(["interaction.email.to[1].address"], Fields(interaction));
    }

    [Theory]
    [InlineData("abc123")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855a")]
    public void ADocumentHashThatIsNot64HexDigits_IsAViolationOfIt(string sha256)
    {
        Assert.Equal(["interaction.document.sha256"], Fields(Document(sha256)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")]
    public void ADocumentWithoutAHashOrWith64HexDigits_IsValid(string sha256)
    {
        Assert.Empty(Fields(Document(sha256)));
    }

    [Fact]
    public void ATaskDueMoreThanAYearAhead_IsAViolationOfItsDueTime()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.Task, Task = new Proto.TaskDetails { DueTime = Timestamp.FromDateTimeOffset(Now.AddDays(400)) } };

        Assert.Equal(["interaction.task.due_time"], Fields(interaction));
    }

    [Fact]
    public void ATaskDueNextMonth_IsValid()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.Task, Task = new Proto.TaskDetails { DueTime = Timestamp.FromDateTimeOffset(Now.AddDays(30)) } };

        Assert.Empty(Fields(interaction));
    }

    [Fact]
    public void TeamVisibilityWithoutATeam_IsAViolationOfTheTeam()
    {
        Assert.Equal(["interaction.team"], Fields(new Proto.Interaction { Kind = Proto.InteractionKind.Note, Subject = "Plan", Visibility = Proto.Visibility.Team }));
    }

    [Fact]
    public void ATeamForAnotherVisibility_IsAViolationOfTheTeam()
    {
        Assert.Equal(["interaction.team"], Fields(new Proto.Interaction { Kind = Proto.InteractionKind.Note, Subject = "Plan", Visibility = Proto.Visibility.Private, Team = "sales" }));
    }

    [Fact]
    public void TeamVisibilityWithATeam_IsValid()
    {
        Assert.Empty(Fields(new Proto.Interaction { Kind = Proto.InteractionKind.Note, Subject = "Plan", Visibility = Proto.Visibility.Team, Team = "sales-north" }));
    }

    [Fact]
    public void APersonIdThatIsNotAUuid_IsAViolationOfThatId()
    {
        var interaction = new Proto.Interaction { Kind = Proto.InteractionKind.Note, Subject = "Plan", PersonIds = { "anna", Guid.NewGuid().ToString() } };

        Assert.Equal(["interaction.person_ids[0]"], Fields(interaction));
    }

    private static Proto.Interaction Social(double confidence) => new()
    {
        Kind = Proto.InteractionKind.SocialSignal,
        SocialSignal = new Proto.SocialSignalDetails { Network = "linkedin", Signal = Proto.SignalKind.Researching, AuthorConfidence = confidence },
    };

    private static Proto.Interaction Document(string sha256) => new()
    {
        Kind = Proto.InteractionKind.DocumentSent,
        Document = new Proto.DocumentDetails { Title = "Offer 2027", Sha256 = sha256 },
    };

    private static List<string> Fields(Proto.Interaction? interaction) =>
        InteractionValidator.Validate(interaction, Now, new FieldViolations()).ToList().Select(v => v.Field).ToList();
}
