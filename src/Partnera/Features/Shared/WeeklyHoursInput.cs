using Microsoft.AspNetCore.Mvc.ModelBinding;
using Partnera.Features.Organisations;

namespace Partnera.Features.Shared;

/// <summary>Seven rows of opening, closing and break times, posted as Input.WorkingHours[i].</summary>
public sealed record WeeklyHoursInput(string Legend, IReadOnlyList<WorkingDayInput> Days, ModelStateDictionary State, string Prefix = "Input.WorkingHours")
{
    public string? ErrorFor(string key) => State[key]?.Errors.FirstOrDefault()?.ErrorMessage;
}
