using System.Security.Cryptography;

namespace Partnera.Features.Planning.Budgeting;

/// <summary>
/// Seals a ballot's choices to its vote's public key, so that the database (and every backup and log of it) holds them
/// only as ciphertext until the count: a one-time P-256 key per ballot agrees a secret with the vote's key (ECDH),
/// HKDF-SHA256 makes it an AES-256-GCM key, and the vote's id is bound in so a ballot cannot be moved to another vote.
/// Choices are padded to the vote's maximum, so every ballot of a vote has the same length and its size tells nothing.
/// </summary>
public static class BallotSeal
{
    private const int NonceSize = 12, TagSize = 16, GuidSize = 16;

    /// <summary>A new key pair for a vote: the public key as SubjectPublicKeyInfo, the private key as PKCS#8.</summary>
    public static (byte[] PublicKey, byte[] PrivateKey) NewKeyPair()
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        return (key.ExportSubjectPublicKeyInfo(), key.ExportPkcs8PrivateKey());
    }

    public static byte[] Seal(byte[] votePublicKey, Guid voteId, IReadOnlyList<Guid> choices, int slots)
    {
        using var vote = ECDiffieHellman.Create();
        vote.ImportSubjectPublicKeyInfo(votePublicKey, out _);
        using var once = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var onceKey = once.ExportSubjectPublicKeyInfo();
        var plain = new byte[Math.Max(slots, choices.Count) * GuidSize];
        for (var i = 0; i < choices.Count; i++) choices[i].TryWriteBytes(plain.AsSpan(i * GuidSize));
        var sealedBallot = new byte[onceKey.Length + NonceSize + plain.Length + TagSize];
        onceKey.CopyTo(sealedBallot, 0);
        var nonce = sealedBallot.AsSpan(onceKey.Length, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Derive(once.DeriveRawSecretAgreement(vote.PublicKey), onceKey, voteId), TagSize);
        aes.Encrypt(nonce, plain, sealedBallot.AsSpan(onceKey.Length + NonceSize, plain.Length), sealedBallot.AsSpan(sealedBallot.Length - TagSize), voteId.ToByteArray());
        return sealedBallot;
    }

    /// <summary>The choices in a sealed ballot; throws <see cref="CryptographicException"/> if it was not sealed to this key and vote.</summary>
    public static Guid[] Open(ECDiffieHellman voteKey, Guid voteId, byte[] sealedBallot)
    {
        using var once = ECDiffieHellman.Create();
        once.ImportSubjectPublicKeyInfo(sealedBallot, out var read);
        var body = sealedBallot.AsSpan(read + NonceSize, sealedBallot.Length - read - NonceSize - TagSize);
        var plain = new byte[body.Length];
        using var aes = new AesGcm(Derive(voteKey.DeriveRawSecretAgreement(once.PublicKey), sealedBallot.AsSpan(0, read), voteId), TagSize);
        aes.Decrypt(sealedBallot.AsSpan(read, NonceSize), body, sealedBallot.AsSpan(sealedBallot.Length - TagSize), plain, voteId.ToByteArray());
        return [.. Enumerable.Range(0, plain.Length / GuidSize).Select(i => new Guid(plain.AsSpan(i * GuidSize, GuidSize))).Where(p => p != Guid.Empty)];
    }

    private static byte[] Derive(byte[] secret, ReadOnlySpan<byte> onceKey, Guid voteId) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, onceKey.ToArray(), voteId.ToByteArray());
}
