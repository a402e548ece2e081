using System.Security.Cryptography;
using System.Text;

namespace Partnera.Features.Planning.Budgeting;

/// <summary>
/// Holds the key that protects each vote's private ballot key. It never comes from the database (whose Data Protection
/// keys anyone with a copy can read): it is the setting <c>Budgeting:BallotKey</c> (one value for every instance), or
/// else a key file under App_Data made on first use, fine for one server that keeps the file out of database backups.
/// </summary>
public sealed class BallotKeyring(string? setting, string keyFile)
{
    public const string Setting = "Budgeting:BallotKey";
    private const int NonceSize = 12, TagSize = 16;
    private readonly Lazy<byte[]> key = new(() => Load(setting, keyFile));

    public static BallotKeyring From(IConfiguration configuration, IHostEnvironment environment) =>
        new(configuration[Setting], Path.Combine(environment.ContentRootPath, "App_Data/ballot.key"));

    public byte[] Wrap(Guid voteId, byte[] privateKey)
    {
        var wrapped = new byte[NonceSize + privateKey.Length + TagSize];
        RandomNumberGenerator.Fill(wrapped.AsSpan(0, NonceSize));
        using var aes = new AesGcm(key.Value, TagSize);
        aes.Encrypt(wrapped.AsSpan(0, NonceSize), privateKey, wrapped.AsSpan(NonceSize, privateKey.Length), wrapped.AsSpan(wrapped.Length - TagSize), voteId.ToByteArray());
        return wrapped;
    }

    /// <summary>The vote's private key, or null when this server's ballot key is not the one that wrapped it.</summary>
    public byte[]? Unwrap(Guid voteId, byte[] wrapped)
    {
        var privateKey = new byte[wrapped.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key.Value, TagSize);
        try
        {
            aes.Decrypt(wrapped.AsSpan(0, NonceSize), wrapped.AsSpan(NonceSize, privateKey.Length), wrapped.AsSpan(wrapped.Length - TagSize), privateKey, voteId.ToByteArray());
            return privateKey;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static byte[] Load(string? setting, string keyFile)
    {
        var secret = string.IsNullOrWhiteSpace(setting) ? ReadOrCreate(keyFile) : setting.Trim();
        if (secret.Length < 32) throw new InvalidOperationException($"{Setting} must be at least 32 characters (for example 32 random bytes in Base64).");
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: "Partnera ballot keys"u8.ToArray());
    }

    /// <summary>Made by writing a whole new file and moving it into place, so instances starting together agree on one key.</summary>
    private static string ReadOrCreate(string keyFile)
    {
        if (File.Exists(keyFile)) return File.ReadAllText(keyFile).Trim();
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        var draft = $"{keyFile}.{Guid.NewGuid():N}";
        File.WriteAllText(draft, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(draft, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(draft, keyFile, overwrite: false);
        }
        catch (IOException) when (File.Exists(keyFile))
        {
            File.Delete(draft);
        }
        return File.ReadAllText(keyFile).Trim();
    }
}
