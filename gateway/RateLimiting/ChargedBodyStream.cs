namespace CrmPlatform.Gateway.RateLimiting;

/// <summary>
/// A bulk upload's body, charged to the tenant's bucket as it is read (see <see cref="BulkCost"/>).
/// When the bucket runs dry the next read waits for it to refill: the upload slows to the tenant's
/// rate instead of failing halfway, and the tenant's other calls share what is left.
/// </summary>
public sealed class ChargedBodyStream(Stream inner, TokenBucket bucket, TimeProvider clock) : Stream
{
    private long read;
    private long charged;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var count = await inner.ReadAsync(buffer, cancellationToken);
        read += count;
        var owed = BulkCost.Owed(read, charged);
        if (owed > 0)
        {
            charged += owed;
            var wait = bucket.Charge(owed, clock.GetUtcNow());
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }
        }

        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("A charged body is read asynchronously.");

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
