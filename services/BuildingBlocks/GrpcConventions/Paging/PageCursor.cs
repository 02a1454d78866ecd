namespace CrmPlatform.GrpcConventions;

/// <summary>
/// Where the next page starts: the last row's id, and the value the list is ordered by when that
/// is not the id alone (a time, a score), kept as its 64 bits so one token format serves every list.
/// </summary>
public readonly record struct PageCursor(Guid Id, long Order = 0)
{
    public DateTimeOffset Time => new(Order, TimeSpan.Zero);

    public double Score => BitConverter.Int64BitsToDouble(Order);

    public static PageCursor At(Guid id) => new(id);

    public static PageCursor At(DateTimeOffset time, Guid id) => new(id, time.UtcTicks);

    public static PageCursor At(double score, Guid id) => new(id, BitConverter.DoubleToInt64Bits(score));
}
