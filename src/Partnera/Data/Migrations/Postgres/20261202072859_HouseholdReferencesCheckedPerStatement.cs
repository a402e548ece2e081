using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Partnera.Data.Migrations.Postgres
{
    /// <summary>
    /// A household's three references (campaign, questionnaire version, community) are checked once per statement by
    /// triggers instead of once per row by foreign keys: the row checks were three quarters of the time PostgreSQL spent
    /// on a 100,000-household import (2.8 s of COPY against 0.74 s). The triggers do what the keys did: a household must
    /// refer to existing rows (which stay locked against deletion until the writer commits, as a key locks them),
    /// deleting a campaign deletes its households, and a questionnaire version or a community that households refer to
    /// cannot be deleted. The EF model keeps the keys, so EF still orders its writes by them; this migration only
    /// changes how PostgreSQL enforces them (see HouseholdResponseConfiguration).
    /// </summary>
    public partial class HouseholdReferencesCheckedPerStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(name: "FK_HouseholdResponses_AssessmentCampaigns_CampaignId", table: "HouseholdResponses");
            migrationBuilder.DropForeignKey(name: "FK_HouseholdResponses_Questionnaires_QuestionnaireId", table: "HouseholdResponses");
            migrationBuilder.DropForeignKey(name: "FK_HouseholdResponses_Territories_CommunityId", table: "HouseholdResponses");
            migrationBuilder.Sql("""
                CREATE FUNCTION household_references_exist() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE missing text;
                BEGIN
                  -- The referenced rows are locked FOR KEY SHARE, as a foreign key locks them, so that nobody deletes
                  -- them before this transaction ends; a count short of the distinct references names a missing row.
                  IF (SELECT count(*) FROM (SELECT 1 FROM "AssessmentCampaigns" WHERE "Id" IN (SELECT "CampaignId" FROM new_rows) FOR KEY SHARE) c)
                     <> (SELECT count(DISTINCT "CampaignId") FROM new_rows) THEN missing := 'campaign';
                  ELSIF (SELECT count(*) FROM (SELECT 1 FROM "Questionnaires" WHERE "Id" IN (SELECT "QuestionnaireId" FROM new_rows) FOR KEY SHARE) q)
                     <> (SELECT count(DISTINCT "QuestionnaireId") FROM new_rows) THEN missing := 'questionnaire';
                  ELSIF (SELECT count(*) FROM (SELECT 1 FROM "Territories" WHERE "Id" IN (SELECT "CommunityId" FROM new_rows) FOR KEY SHARE) t)
                     <> (SELECT count(DISTINCT "CommunityId") FROM new_rows) THEN missing := 'community';
                  END IF;
                  IF missing IS NOT NULL THEN
                    RAISE foreign_key_violation USING MESSAGE = 'A household refers to a ' || missing || ' that does not exist.', TABLE = 'HouseholdResponses';
                  END IF;
                  RETURN NULL;
                END $$;

                CREATE TRIGGER household_references_on_insert AFTER INSERT ON "HouseholdResponses"
                  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION household_references_exist();
                CREATE TRIGGER household_references_on_update AFTER UPDATE ON "HouseholdResponses"
                  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION household_references_exist();

                -- Before the campaign row goes, so that the questionnaire versions deleted with it have no households left.
                CREATE FUNCTION campaign_households_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  DELETE FROM "HouseholdResponses" WHERE "CampaignId" = OLD."Id";
                  RETURN OLD;
                END $$;
                CREATE TRIGGER campaign_households_deleted BEFORE DELETE ON "AssessmentCampaigns"
                  FOR EACH ROW EXECUTE FUNCTION campaign_households_deleted();

                -- A questionnaire version or a community stays while households refer to it (the column is the first argument).
                CREATE FUNCTION kept_while_households_refer() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE referred boolean;
                BEGIN
                  EXECUTE format('SELECT EXISTS (SELECT 1 FROM "HouseholdResponses" WHERE %I = $1)', TG_ARGV[0]) INTO referred USING OLD."Id";
                  IF referred THEN
                    RAISE foreign_key_violation USING MESSAGE = 'Households refer to this ' || TG_ARGV[1] || '.', TABLE = TG_TABLE_NAME;
                  END IF;
                  RETURN NULL;
                END $$;
                CREATE TRIGGER questionnaire_without_households AFTER DELETE ON "Questionnaires"
                  FOR EACH ROW EXECUTE FUNCTION kept_while_households_refer('QuestionnaireId', 'questionnaire version');
                CREATE TRIGGER community_without_households AFTER DELETE ON "Territories"
                  FOR EACH ROW EXECUTE FUNCTION kept_while_households_refer('CommunityId', 'community');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER community_without_households ON "Territories";
                DROP TRIGGER questionnaire_without_households ON "Questionnaires";
                DROP FUNCTION kept_while_households_refer();
                DROP TRIGGER campaign_households_deleted ON "AssessmentCampaigns";
                DROP FUNCTION campaign_households_deleted();
                DROP TRIGGER household_references_on_update ON "HouseholdResponses";
                DROP TRIGGER household_references_on_insert ON "HouseholdResponses";
                DROP FUNCTION household_references_exist();
                """);
            migrationBuilder.AddForeignKey(
                name: "FK_HouseholdResponses_AssessmentCampaigns_CampaignId", table: "HouseholdResponses", column: "CampaignId",
                principalTable: "AssessmentCampaigns", principalColumn: "Id", onDelete: ReferentialAction.Cascade);
            migrationBuilder.AddForeignKey(
                name: "FK_HouseholdResponses_Questionnaires_QuestionnaireId", table: "HouseholdResponses", column: "QuestionnaireId",
                principalTable: "Questionnaires", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            migrationBuilder.AddForeignKey(
                name: "FK_HouseholdResponses_Territories_CommunityId", table: "HouseholdResponses", column: "CommunityId",
                principalTable: "Territories", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
        }
    }
}
