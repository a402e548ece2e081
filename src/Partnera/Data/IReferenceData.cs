namespace Partnera.Data;

/// <summary>
/// Reference data a feature ships with the app (classifiers, lists). Loaded after the migrations at every
/// start-up, in every environment; a loader must be idempotent and keep records' identities stable.
/// </summary>
public interface IReferenceData
{
    Task LoadAsync(CancellationToken ct);
}
