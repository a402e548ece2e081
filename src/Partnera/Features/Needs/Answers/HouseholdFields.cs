using Microsoft.AspNetCore.Mvc.ModelBinding;
using Partnera.Infrastructure.Text;

namespace Partnera.Features.Needs.Answers;

/// <summary>What the household fields partial needs: what was typed, the campaign's communities, and the errors.</summary>
public sealed record HouseholdFields(HouseholdInput Input, IReadOnlyList<(Guid Id, MultilingualText Name)> Communities, ModelStateDictionary State);
