using System.IO.Compression;

namespace Partnera.Infrastructure.Imports;

/// <summary>
/// Reads the parts of a zip (an .xlsx, an HSDS package) within <see cref="ImportLimits.MaxUncompressedBytes"/> for all
/// of them together: the sizes the zip declares are checked first, and the bytes actually inflated are counted while
/// reading, so a part that lies about its size is stopped at the limit instead of filling memory.
/// </summary>
public sealed class UnpackBudget
{
    private readonly ImportLimits limits;
    private long left;

    public UnpackBudget(ZipArchive zip, ImportLimits limits)
    {
        this.limits = limits;
        left = limits.MaxUncompressedBytes;
        if (zip.Entries.Count > 10_000 || zip.Entries.Sum(e => e.Length) > left) throw limits.Unpacks();
    }

    public Stream Open(ZipArchiveEntry entry) => new Counted(entry.Open(), this);

    private void Spend(int bytes)
    {
        left -= bytes;
        if (left < 0) throw limits.Unpacks();
    }

    private sealed class Counted(Stream inner, UnpackBudget budget) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            budget.Spend(read);
            return read;
        }

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            budget.Spend(read);
            return read;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
