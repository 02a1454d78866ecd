using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmPlatform.GrpcConventions;

public static class DatabaseErrors
{
    /// <summary>The save broke the named unique index or constraint: a conflict to report, not a fault.</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception, string constraint) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } e && e.ConstraintName == constraint;
}
