using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Partnera.Features.Accounts;
using Partnera.Features.Directory;
using Partnera.Features.Directory.Corrections;
using Partnera.Features.Directory.Search;
using Partnera.Features.Directory.Taxonomies;
using Partnera.Features.Memoranda;
using Partnera.Features.Organisations;
using Partnera.Features.Territories;
using Partnera.Infrastructure.Auditing;
using Partnera.Infrastructure.Documents;

namespace Partnera.Data;

/// <summary>
/// The one database of the platform. Each feature keeps its entity configurations in its own folder;
/// they are applied here by assembly scan. The provider subclasses carry one migration set each.
/// </summary>
public abstract class PartneraDbContext(DbContextOptions options)
    : IdentityUserContext<PartneraUser, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<StoredDocument> Documents => Set<StoredDocument>();
    public DbSet<Territory> Territories => Set<Territory>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationTerritory> OrganisationTerritories => Set<OrganisationTerritory>();
    public DbSet<WorkingDay> WorkingDays => Set<WorkingDay>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Memorandum> Memoranda => Set<Memorandum>();
    public DbSet<MemorandumParty> MemorandumParties => Set<MemorandumParty>();
    public DbSet<Features.Needs.AssessmentCampaign> AssessmentCampaigns => Set<Features.Needs.AssessmentCampaign>();
    public DbSet<Features.Needs.CampaignCommunity> CampaignCommunities => Set<Features.Needs.CampaignCommunity>();
    public DbSet<Features.Needs.WorkingGroupMember> WorkingGroupMembers => Set<Features.Needs.WorkingGroupMember>();
    public DbSet<Features.Needs.Questionnaires.Questionnaire> Questionnaires => Set<Features.Needs.Questionnaires.Questionnaire>();
    public DbSet<Features.Needs.Answers.HouseholdResponse> HouseholdResponses => Set<Features.Needs.Answers.HouseholdResponse>();
    public DbSet<Features.Needs.Registry.RegistryCount> RegistryCounts => Set<Features.Needs.Registry.RegistryCount>();
    public DbSet<Features.Needs.Imports.SurveyUpload> SurveyUploads => Set<Features.Needs.Imports.SurveyUpload>();
    public DbSet<Features.Needs.Tallies.AnswerTally> AnswerTallies => Set<Features.Needs.Tallies.AnswerTally>();
    public DbSet<Features.Needs.Tallies.AnswerPairTally> AnswerPairTallies => Set<Features.Needs.Tallies.AnswerPairTally>();
    public DbSet<Features.Needs.Costing.HandedOverGap> HandedOverGaps => Set<Features.Needs.Costing.HandedOverGap>();
    public DbSet<Features.Planning.CommunityPlan> CommunityPlans => Set<Features.Planning.CommunityPlan>();
    public DbSet<Features.Planning.PlanGoal> PlanGoals => Set<Features.Planning.PlanGoal>();
    public DbSet<Features.Planning.PlanMeasure> PlanMeasures => Set<Features.Planning.PlanMeasure>();
    public DbSet<Features.Planning.MeasureBudgetLine> MeasureBudgetLines => Set<Features.Planning.MeasureBudgetLine>();
    public DbSet<Features.Planning.MeasureGap> MeasureGaps => Set<Features.Planning.MeasureGap>();
    public DbSet<Features.Planning.MeasurePartner> MeasurePartners => Set<Features.Planning.MeasurePartner>();
    public DbSet<Features.Planning.MeasureMilestone> MeasureMilestones => Set<Features.Planning.MeasureMilestone>();
    public DbSet<Features.Planning.PlanVersion> PlanVersions => Set<Features.Planning.PlanVersion>();
    public DbSet<Features.Planning.MeasureProgress> MeasureProgress => Set<Features.Planning.MeasureProgress>();
    public DbSet<Features.Planning.MeasureService> MeasureServices => Set<Features.Planning.MeasureService>();
    public DbSet<Features.Planning.Consultation.PlanComment> PlanComments => Set<Features.Planning.Consultation.PlanComment>();
    public DbSet<Features.Planning.Consultation.CommentSupport> CommentSupports => Set<Features.Planning.Consultation.CommentSupport>();
    public DbSet<Features.Planning.Consultation.PlanHearing> PlanHearings => Set<Features.Planning.Consultation.PlanHearing>();
    public DbSet<Features.People.Person> People => Set<Features.People.Person>();
    public DbSet<Features.People.PersonCategory> PersonCategories => Set<Features.People.PersonCategory>();
    public DbSet<Features.People.PersonDocument> PersonDocuments => Set<Features.People.PersonDocument>();
    public DbSet<Features.People.Consent> Consents => Set<Features.People.Consent>();
    public DbSet<Features.People.PersonInvolvement> PersonInvolvements => Set<Features.People.PersonInvolvement>();
    public DbSet<Features.People.Matching.DuplicatePair> DuplicatePairs => Set<Features.People.Matching.DuplicatePair>();
    public DbSet<Features.People.Imports.PeopleUpload> PeopleUploads => Set<Features.People.Imports.PeopleUpload>();
    public DbSet<Infrastructure.Email.OutboxMessage> OutboxMessages => Set<Infrastructure.Email.OutboxMessage>();
    public DbSet<Features.People.IndividualPlan> IndividualPlans => Set<Features.People.IndividualPlan>();
    public DbSet<Features.People.IndividualGoal> IndividualGoals => Set<Features.People.IndividualGoal>();
    public DbSet<Features.People.FollowUpVisit> FollowUpVisits => Set<Features.People.FollowUpVisit>();
    public DbSet<Features.People.Referrals.Referral> Referrals => Set<Features.People.Referrals.Referral>();
    public DbSet<Features.People.Referrals.ReferralStep> ReferralSteps => Set<Features.People.Referrals.ReferralStep>();
    public DbSet<Features.People.Referrals.ReferralMessage> ReferralMessages => Set<Features.People.Referrals.ReferralMessage>();
    public DbSet<Features.Planning.Budgeting.BudgetVote> BudgetVotes => Set<Features.Planning.Budgeting.BudgetVote>();
    public DbSet<Features.Planning.Budgeting.BudgetProject> BudgetProjects => Set<Features.Planning.Budgeting.BudgetProject>();
    public DbSet<Features.Planning.Budgeting.Ballot> Ballots => Set<Features.Planning.Budgeting.Ballot>();
    public DbSet<Features.Planning.Budgeting.BallotChoice> BallotChoices => Set<Features.Planning.Budgeting.BallotChoice>();
    public DbSet<Features.Planning.Budgeting.VoterRecord> VoterRecords => Set<Features.Planning.Budgeting.VoterRecord>();
    public DbSet<Features.Planning.Budgeting.SealedBallot> SealedBallots => Set<Features.Planning.Budgeting.SealedBallot>();
    public DbSet<Features.Planning.Budgeting.BallotKey> BallotKeys => Set<Features.Planning.Budgeting.BallotKey>();
    public DbSet<JointInitiative> JointInitiatives => Set<JointInitiative>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<ServiceTargetGroup> ServiceTargetGroups => Set<ServiceTargetGroup>();
    public DbSet<ServiceTerm> ServiceTerms => Set<ServiceTerm>();
    public DbSet<Location> Locations => Set<Location>();
    public DbSet<Address> Addresses => Set<Address>();
    public DbSet<Accessibility> Accessibility => Set<Accessibility>();
    public DbSet<ServiceAtLocation> ServiceAtLocations => Set<ServiceAtLocation>();
    public DbSet<Phone> Phones => Set<Phone>();
    public DbSet<Schedule> Schedules => Set<Schedule>();
    public DbSet<ServiceArea> ServiceAreas => Set<ServiceArea>();
    public DbSet<ServiceLanguage> ServiceLanguages => Set<ServiceLanguage>();
    public DbSet<Funding> Funding => Set<Funding>();
    public DbSet<CostOption> CostOptions => Set<CostOption>();
    public DbSet<RequiredDocument> RequiredDocuments => Set<RequiredDocument>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ServiceSearchKey> ServiceSearchKeys => Set<ServiceSearchKey>();
    public DbSet<ServiceCorrection> ServiceCorrections => Set<ServiceCorrection>();
    public DbSet<CorrectionField> CorrectionFields => Set<CorrectionField>();
    public DbSet<Taxonomy> Taxonomies => Set<Taxonomy>();
    public DbSet<TaxonomyTerm> TaxonomyTerms => Set<TaxonomyTerm>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PartneraDbContext).Assembly);
    }
}

public sealed class SqlitePartneraDbContext(DbContextOptions<SqlitePartneraDbContext> options) : PartneraDbContext(options);

public sealed class PostgresPartneraDbContext(DbContextOptions<PostgresPartneraDbContext> options) : PartneraDbContext(options);
