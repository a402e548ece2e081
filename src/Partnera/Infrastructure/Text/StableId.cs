using System.Security.Cryptography;
using System.Text;

namespace Partnera.Infrastructure.Text;

/// <summary>
/// A name-based UUID (RFC 9562 version 5 layout): the same name always gives the same id, so shipped
/// reference data keeps its identifiers across installations and re-loads (other systems can rely on them).
/// </summary>
public static class StableId
{
    private static readonly byte[] Namespace = Guid.Parse("6f2c1a8e-4b7d-5e10-9a3c-7d2e8f1b0c45").ToByteArray(bigEndian: true);

    public static Guid For(string name)
    {
        var hash = SHA1.HashData([.. Namespace, .. Encoding.UTF8.GetBytes(name)]);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
