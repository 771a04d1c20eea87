namespace ChatRag.Core.Settings;

/// <summary>Where operator choices made at run time persist, so they survive a restart.</summary>
public interface IRuntimeSettingsStore
{
    /// <summary>The stored choices (all null when none was ever made).</summary>
    Task<RuntimeSettings> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the stored choices; a null field removes that choice.</summary>
    Task SaveAsync(RuntimeSettings settings, CancellationToken cancellationToken = default);
}
