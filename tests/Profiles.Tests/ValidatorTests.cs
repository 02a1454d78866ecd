using CrmPlatform.Contracts.Common.V1;
using CrmPlatform.GrpcConventions;
using CrmPlatform.Profiles.Companies;
using CrmPlatform.Profiles.People;
using CrmPlatform.Profiles.Projects;
using Proto = CrmPlatform.Contracts.Profiles.V1;

namespace CrmPlatform.Profiles.Tests;

public sealed class ValidatorTests
{
    private static readonly CompanyRules Rules = new(new DateOnly(2026, 11, 23), new Dictionary<string, Data.CustomFieldType>());

    [Fact]
    public void Company_WithoutAName_IsAViolationOfTheName()
    {
        Assert.Contains("company.name", Company(new Proto.Company()));
    }

    [Fact]
    public void Company_WithANegativeEmployeeCount_IsAViolationOfIt()
    {
        Assert.Contains("company.employee_count", Company(new Proto.Company { Name = "Acme", EmployeeCount = -1 }));
    }

    [Fact]
    public void Company_WithACountryCodeThatIsNotTwoLetters_IsAViolationOfIt()
    {
        Assert.Contains("company.headquarters.country_code", Company(new Proto.Company { Name = "Acme", Headquarters = new Address { CountryCode = "S3" } }));
    }

    [Fact]
    public void Company_WithSeveralProblems_ReportsThemAllAtOnce()
    {
        var violations = Company(new Proto.Company { EmployeeCount = -1, Tags = { "" } });

        Assert.Equal(["company.employee_count", "company.name", "company.tags[0]"], violations.Order());
    }

    [Fact]
    public void Company_ThatIsValid_HasNoViolations()
    {
        Assert.Empty(Company(new Proto.Company { Name = "Acme", EmployeeCount = 25, Tags = { "steel" } }));
    }

    [Fact]
    public void Person_WithoutAGivenName_IsAViolationOfIt()
    {
        Assert.Contains("person.given_name", Person(new Proto.Person()));
    }

    [Fact]
    public void Person_WithAnEmailThatIsNotOne_IsAViolationOfThatEmail()
    {
        Assert.Contains("person.emails[1]", Person(new Proto.Person { GivenName = "Anna", Emails = { "anna@acme.example", "anna at acme" } }));
    }

    [Fact]
    public void Person_ReportingToThemself_IsAViolationOfReportsTo()
    {
        var id = Guid.CreateVersion7().ToString();

        Assert.Contains("person.reports_to_id", Person(new Proto.Person { Id = id, GivenName = "Anna", ReportsToId = id }));
    }

    [Fact]
    public void Project_WithoutAStage_IsAViolationOfTheStage()
    {
        Assert.Contains("project.stage", Project(new Proto.Project { Name = "Rollout" }));
    }

    [Fact]
    public void Project_ClosingBeforeItStarts_IsAViolationOfTheCloseDate()
    {
        var project = new Proto.Project
        {
            Name = "Rollout",
            Stage = Proto.ProjectStage.Planning,
            StartDate = new Date { Year = 2026, Month = 5, Day = 1 },
            CloseDate = new Date { Year = 2026, Month = 4, Day = 1 },
        };

        Assert.Equal(["project.close_date"], Project(project));
    }

    private static List<string> Company(Proto.Company company) =>
        Fields(CompanyValidator.Validate(company, "company", new FieldViolations(), Rules));

    private static List<string> Person(Proto.Person person) =>
        Fields(PersonValidator.Validate(person, "person", new FieldViolations(), Rules.Today));

    private static List<string> Project(Proto.Project project) =>
        Fields(ProjectMapper.Validate(project, "project", new FieldViolations()));

    private static List<string> Fields(FieldViolations violations) => violations.ToList().Select(v => v.Field).ToList();
}
