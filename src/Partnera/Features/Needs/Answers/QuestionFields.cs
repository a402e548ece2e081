using Microsoft.AspNetCore.Mvc.ModelBinding;
using Partnera.Features.Needs.Questionnaires;

namespace Partnera.Features.Needs.Answers;

/// <summary>What the question fields partial needs: the questions, what was typed for each, and the errors.</summary>
public sealed record QuestionFields(QuestionnaireDefinition Definition, Func<string, IReadOnlyList<string>> Given, ModelStateDictionary State);
