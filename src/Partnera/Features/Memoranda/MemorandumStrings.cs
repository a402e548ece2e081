namespace Partnera.Features.Memoranda;

/// <summary>UI strings of the memoranda feature.</summary>
public sealed class MemorandumStrings;
