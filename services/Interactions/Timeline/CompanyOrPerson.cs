using CrmPlatform.GrpcConventions;

namespace CrmPlatform.Interactions.Timeline;

/// <summary>What a timeline, topic, statistics or check call is about: exactly one of a company and a person.</summary>
internal static class CompanyOrPerson
{
    public static (Guid? Company, Guid? Person) Read(string companyId, string personId, FieldViolations violations)
    {
        if (companyId.Length > 0 == personId.Length > 0)
        {
            violations.Add("company_id", "name exactly one of company_id and person_id");
            return (null, null);
        }

        return companyId.Length > 0
            ? (ResourceId.Parse(companyId, "company_id", violations), null)
            : (null, ResourceId.Parse(personId, "person_id", violations));
    }
}
