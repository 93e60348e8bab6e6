"""The triggers that mark alliances for re-scoring, at their latest version.

Hand-written, and frozen: the statements are written out here, not imported, so
this migration does the same thing whatever later code says. Until issue 14 they
came from live code (radar.worker.rescore_triggers), created by worker 0002 and
created again by 0011; those steps are gone, and every trigger is declared once,
here (they live in this app's migrations because they must come after its last
table rebuild). The worker app reads SQLITE and SQLITE_DROP from here to lift
and restore them around every SQLite migrate (radar.worker.apps); a later
migration that changes them writes its statements out in full and the worker
app reads those instead.

Why triggers: signals miss bulk_create, queryset updates and the importers' raw
SQL; a trigger sees every write, and touches only the written rows' alliances.
A row names its alliance by a column (alliances, contacts, deliverables, metric
definitions, surveys, observations, context factors, reviews, decisions,
agreements, goals, governance bodies) or through its parent (metric values ->
metric definitions, survey responses -> surveys, action items -> decisions).
Interactions and participants are not watched: they mark the monthly totals
stale (0012), and a new stale mark marks the alliance for re-scoring.
The mark is an upsert that writes only when the alliance is not already
pending: SQLite row triggers; PostgreSQL statement triggers with transition
tables, and a row trigger on the few stale-totals rows.

Backwards this does nothing: the state before it had these triggers; worker
0002 drops them when migrating back past it.
"""

from django.db import migrations

SQLITE = (
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_alliance_insert AFTER INSERT ON portfolio_alliance "
        "BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT NEW.id, 1 WHERE "
        "NEW.id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 WHERE pending = "
        "0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_alliance_update AFTER UPDATE ON portfolio_alliance "
        "BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT NEW.id, 1 WHERE "
        "NEW.id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 WHERE pending = "
        "0; INSERT INTO worker_rescoremark (alliance_id, pending) SELECT OLD.id, 1 WHERE OLD.id "
        "IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_alliance_delete AFTER DELETE ON portfolio_alliance "
        "BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT OLD.id, 1 WHERE "
        "OLD.id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 WHERE pending = "
        "0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_contact_insert AFTER INSERT ON portfolio_contact "
        "BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT NEW.alliance_id, 1 "
        "WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 "
        "WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_contact_update AFTER UPDATE ON portfolio_contact "
        "BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT NEW.alliance_id, 1 "
        "WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 "
        "WHERE pending = 0; INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "OLD.alliance_id, 1 WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_contact_delete AFTER DELETE ON portfolio_contact "
        "BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT OLD.alliance_id, 1 "
        "WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 "
        "WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_deliverable_insert AFTER INSERT ON "
        "portfolio_deliverable BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "NEW.alliance_id, 1 WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_deliverable_update AFTER UPDATE ON "
        "portfolio_deliverable BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "NEW.alliance_id, 1 WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = 1 WHERE pending = 0; INSERT INTO worker_rescoremark (alliance_id, pending) "
        "SELECT OLD.alliance_id, 1 WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO "
        "UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_deliverable_delete AFTER DELETE ON "
        "portfolio_deliverable BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "OLD.alliance_id, 1 WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_metricdefinition_insert AFTER INSERT ON "
        "portfolio_metricdefinition BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) "
        "SELECT NEW.alliance_id, 1 WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO "
        "UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_metricdefinition_update AFTER UPDATE ON "
        "portfolio_metricdefinition BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) "
        "SELECT NEW.alliance_id, 1 WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO "
        "UPDATE SET pending = 1 WHERE pending = 0; INSERT INTO worker_rescoremark (alliance_id, "
        "pending) SELECT OLD.alliance_id, 1 WHERE OLD.alliance_id IS NOT NULL ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_metricdefinition_delete AFTER DELETE ON "
        "portfolio_metricdefinition BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) "
        "SELECT OLD.alliance_id, 1 WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO "
        "UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_survey_insert AFTER INSERT ON portfolio_survey "
        "BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT NEW.alliance_id, 1 "
        "WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 "
        "WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_survey_update AFTER UPDATE ON portfolio_survey "
        "BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT NEW.alliance_id, 1 "
        "WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 "
        "WHERE pending = 0; INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "OLD.alliance_id, 1 WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_survey_delete AFTER DELETE ON portfolio_survey "
        "BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT OLD.alliance_id, 1 "
        "WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 "
        "WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_observation_insert AFTER INSERT ON "
        "portfolio_observation BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "NEW.alliance_id, 1 WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_observation_update AFTER UPDATE ON "
        "portfolio_observation BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "NEW.alliance_id, 1 WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = 1 WHERE pending = 0; INSERT INTO worker_rescoremark (alliance_id, pending) "
        "SELECT OLD.alliance_id, 1 WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO "
        "UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_observation_delete AFTER DELETE ON "
        "portfolio_observation BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "OLD.alliance_id, 1 WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_contextfactor_insert AFTER INSERT ON "
        "portfolio_contextfactor BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) "
        "SELECT NEW.alliance_id, 1 WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO "
        "UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_contextfactor_update AFTER UPDATE ON "
        "portfolio_contextfactor BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) "
        "SELECT NEW.alliance_id, 1 WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO "
        "UPDATE SET pending = 1 WHERE pending = 0; INSERT INTO worker_rescoremark (alliance_id, "
        "pending) SELECT OLD.alliance_id, 1 WHERE OLD.alliance_id IS NOT NULL ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_contextfactor_delete AFTER DELETE ON "
        "portfolio_contextfactor BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) "
        "SELECT OLD.alliance_id, 1 WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO "
        "UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_checkin_insert AFTER INSERT ON portfolio_checkin "
        "BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT NEW.alliance_id, 1 "
        "WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 "
        "WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_checkin_update AFTER UPDATE ON portfolio_checkin "
        "BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT NEW.alliance_id, 1 "
        "WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 "
        "WHERE pending = 0; INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "OLD.alliance_id, 1 WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_checkin_delete AFTER DELETE ON portfolio_checkin "
        "BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT OLD.alliance_id, 1 "
        "WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 "
        "WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_decision_insert AFTER INSERT ON portfolio_decision "
        "BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT NEW.alliance_id, 1 "
        "WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 "
        "WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_decision_update AFTER UPDATE ON portfolio_decision "
        "BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT NEW.alliance_id, 1 "
        "WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 "
        "WHERE pending = 0; INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "OLD.alliance_id, 1 WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_decision_delete AFTER DELETE ON portfolio_decision "
        "BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT OLD.alliance_id, 1 "
        "WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 "
        "WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_agreement_insert AFTER INSERT ON "
        "portfolio_agreement BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "NEW.alliance_id, 1 WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_agreement_update AFTER UPDATE ON "
        "portfolio_agreement BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "NEW.alliance_id, 1 WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = 1 WHERE pending = 0; INSERT INTO worker_rescoremark (alliance_id, pending) "
        "SELECT OLD.alliance_id, 1 WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO "
        "UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_agreement_delete AFTER DELETE ON "
        "portfolio_agreement BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "OLD.alliance_id, 1 WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_goal_insert AFTER INSERT ON portfolio_goal BEGIN "
        "INSERT INTO worker_rescoremark (alliance_id, pending) SELECT NEW.alliance_id, 1 WHERE "
        "NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 WHERE "
        "pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_goal_update AFTER UPDATE ON portfolio_goal BEGIN "
        "INSERT INTO worker_rescoremark (alliance_id, pending) SELECT NEW.alliance_id, 1 WHERE "
        "NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 WHERE "
        "pending = 0; INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "OLD.alliance_id, 1 WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_goal_delete AFTER DELETE ON portfolio_goal BEGIN "
        "INSERT INTO worker_rescoremark (alliance_id, pending) SELECT OLD.alliance_id, 1 WHERE "
        "OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 WHERE "
        "pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_governancebody_insert AFTER INSERT ON "
        "portfolio_governancebody BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) "
        "SELECT NEW.alliance_id, 1 WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO "
        "UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_governancebody_update AFTER UPDATE ON "
        "portfolio_governancebody BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) "
        "SELECT NEW.alliance_id, 1 WHERE NEW.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO "
        "UPDATE SET pending = 1 WHERE pending = 0; INSERT INTO worker_rescoremark (alliance_id, "
        "pending) SELECT OLD.alliance_id, 1 WHERE OLD.alliance_id IS NOT NULL ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_governancebody_delete AFTER DELETE ON "
        "portfolio_governancebody BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) "
        "SELECT OLD.alliance_id, 1 WHERE OLD.alliance_id IS NOT NULL ON CONFLICT (alliance_id) DO "
        "UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_metricvalue_insert AFTER INSERT ON "
        "portfolio_metricvalue BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "alliance_id, 1 FROM portfolio_metricdefinition WHERE id = NEW.metric_id ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_metricvalue_update AFTER UPDATE ON "
        "portfolio_metricvalue BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "alliance_id, 1 FROM portfolio_metricdefinition WHERE id = NEW.metric_id ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = 1 WHERE pending = 0; INSERT INTO "
        "worker_rescoremark (alliance_id, pending) SELECT alliance_id, 1 FROM "
        "portfolio_metricdefinition WHERE id = OLD.metric_id ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_metricvalue_delete AFTER DELETE ON "
        "portfolio_metricvalue BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "alliance_id, 1 FROM portfolio_metricdefinition WHERE id = OLD.metric_id ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_surveyresponse_insert AFTER INSERT ON "
        "portfolio_surveyresponse BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) "
        "SELECT alliance_id, 1 FROM portfolio_survey WHERE id = NEW.survey_id ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_surveyresponse_update AFTER UPDATE ON "
        "portfolio_surveyresponse BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) "
        "SELECT alliance_id, 1 FROM portfolio_survey WHERE id = NEW.survey_id ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = 1 WHERE pending = 0; INSERT INTO "
        "worker_rescoremark (alliance_id, pending) SELECT alliance_id, 1 FROM portfolio_survey "
        "WHERE id = OLD.survey_id ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 WHERE "
        "pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_surveyresponse_delete AFTER DELETE ON "
        "portfolio_surveyresponse BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) "
        "SELECT alliance_id, 1 FROM portfolio_survey WHERE id = OLD.survey_id ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_actionitem_insert AFTER INSERT ON "
        "portfolio_actionitem BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "alliance_id, 1 FROM portfolio_decision WHERE id = NEW.decision_id ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_actionitem_update AFTER UPDATE ON "
        "portfolio_actionitem BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "alliance_id, 1 FROM portfolio_decision WHERE id = NEW.decision_id ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = 1 WHERE pending = 0; INSERT INTO "
        "worker_rescoremark (alliance_id, pending) SELECT alliance_id, 1 FROM portfolio_decision "
        "WHERE id = OLD.decision_id ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 WHERE "
        "pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_actionitem_delete AFTER DELETE ON "
        "portfolio_actionitem BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) SELECT "
        "alliance_id, 1 FROM portfolio_decision WHERE id = OLD.decision_id ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = 1 WHERE pending = 0; END"
    ),
    (
        "CREATE TRIGGER IF NOT EXISTS rescore_activitystale_insert AFTER INSERT ON "
        "portfolio_activitystale BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) "
        "SELECT NEW.alliance_id, 1 WHERE TRUE ON CONFLICT (alliance_id) DO UPDATE SET pending = 1 "
        "WHERE pending = 0; END"
    ),
)
SQLITE_DROP = (
    "DROP TRIGGER IF EXISTS rescore_alliance_insert",
    "DROP TRIGGER IF EXISTS rescore_alliance_update",
    "DROP TRIGGER IF EXISTS rescore_alliance_delete",
    "DROP TRIGGER IF EXISTS rescore_contact_insert",
    "DROP TRIGGER IF EXISTS rescore_contact_update",
    "DROP TRIGGER IF EXISTS rescore_contact_delete",
    "DROP TRIGGER IF EXISTS rescore_deliverable_insert",
    "DROP TRIGGER IF EXISTS rescore_deliverable_update",
    "DROP TRIGGER IF EXISTS rescore_deliverable_delete",
    "DROP TRIGGER IF EXISTS rescore_metricdefinition_insert",
    "DROP TRIGGER IF EXISTS rescore_metricdefinition_update",
    "DROP TRIGGER IF EXISTS rescore_metricdefinition_delete",
    "DROP TRIGGER IF EXISTS rescore_survey_insert",
    "DROP TRIGGER IF EXISTS rescore_survey_update",
    "DROP TRIGGER IF EXISTS rescore_survey_delete",
    "DROP TRIGGER IF EXISTS rescore_observation_insert",
    "DROP TRIGGER IF EXISTS rescore_observation_update",
    "DROP TRIGGER IF EXISTS rescore_observation_delete",
    "DROP TRIGGER IF EXISTS rescore_contextfactor_insert",
    "DROP TRIGGER IF EXISTS rescore_contextfactor_update",
    "DROP TRIGGER IF EXISTS rescore_contextfactor_delete",
    "DROP TRIGGER IF EXISTS rescore_checkin_insert",
    "DROP TRIGGER IF EXISTS rescore_checkin_update",
    "DROP TRIGGER IF EXISTS rescore_checkin_delete",
    "DROP TRIGGER IF EXISTS rescore_decision_insert",
    "DROP TRIGGER IF EXISTS rescore_decision_update",
    "DROP TRIGGER IF EXISTS rescore_decision_delete",
    "DROP TRIGGER IF EXISTS rescore_agreement_insert",
    "DROP TRIGGER IF EXISTS rescore_agreement_update",
    "DROP TRIGGER IF EXISTS rescore_agreement_delete",
    "DROP TRIGGER IF EXISTS rescore_goal_insert",
    "DROP TRIGGER IF EXISTS rescore_goal_update",
    "DROP TRIGGER IF EXISTS rescore_goal_delete",
    "DROP TRIGGER IF EXISTS rescore_governancebody_insert",
    "DROP TRIGGER IF EXISTS rescore_governancebody_update",
    "DROP TRIGGER IF EXISTS rescore_governancebody_delete",
    "DROP TRIGGER IF EXISTS rescore_metricvalue_insert",
    "DROP TRIGGER IF EXISTS rescore_metricvalue_update",
    "DROP TRIGGER IF EXISTS rescore_metricvalue_delete",
    "DROP TRIGGER IF EXISTS rescore_surveyresponse_insert",
    "DROP TRIGGER IF EXISTS rescore_surveyresponse_update",
    "DROP TRIGGER IF EXISTS rescore_surveyresponse_delete",
    "DROP TRIGGER IF EXISTS rescore_actionitem_insert",
    "DROP TRIGGER IF EXISTS rescore_actionitem_update",
    "DROP TRIGGER IF EXISTS rescore_actionitem_delete",
    "DROP TRIGGER IF EXISTS rescore_activitystale_insert",
)
POSTGRESQL = (
    (
        "CREATE OR REPLACE FUNCTION rescore_alliance() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO worker_rescoremark (alliance_id, "
        "pending) SELECT DISTINCT a, TRUE FROM (SELECT id FROM new_rows) m(a) WHERE a IS NOT NULL "
        "ON CONFLICT (alliance_id) DO UPDATE SET pending = TRUE WHERE worker_rescoremark.pending "
        "= FALSE; END IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN INSERT INTO worker_rescoremark "
        "(alliance_id, pending) SELECT DISTINCT a, TRUE FROM (SELECT id FROM old_rows) m(a) WHERE "
        "a IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = TRUE WHERE "
        "worker_rescoremark.pending = FALSE; END IF; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER rescore_alliance_insert AFTER INSERT ON portfolio_alliance REFERENCING "
        "NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_alliance()"
    ),
    (
        "CREATE TRIGGER rescore_alliance_update AFTER UPDATE ON portfolio_alliance REFERENCING "
        "OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_alliance()"
    ),
    (
        "CREATE TRIGGER rescore_alliance_delete AFTER DELETE ON portfolio_alliance REFERENCING "
        "OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_alliance()"
    ),
    (
        "CREATE OR REPLACE FUNCTION rescore_contact() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO worker_rescoremark (alliance_id, "
        "pending) SELECT DISTINCT a, TRUE FROM (SELECT alliance_id FROM new_rows) m(a) WHERE a IS "
        "NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = TRUE WHERE "
        "worker_rescoremark.pending = FALSE; END IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN INSERT "
        "INTO worker_rescoremark (alliance_id, pending) SELECT DISTINCT a, TRUE FROM (SELECT "
        "alliance_id FROM old_rows) m(a) WHERE a IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = TRUE WHERE worker_rescoremark.pending = FALSE; END IF; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER rescore_contact_insert AFTER INSERT ON portfolio_contact REFERENCING NEW "
        "TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_contact()"
    ),
    (
        "CREATE TRIGGER rescore_contact_update AFTER UPDATE ON portfolio_contact REFERENCING OLD "
        "TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_contact()"
    ),
    (
        "CREATE TRIGGER rescore_contact_delete AFTER DELETE ON portfolio_contact REFERENCING OLD "
        "TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_contact()"
    ),
    (
        "CREATE OR REPLACE FUNCTION rescore_deliverable() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO worker_rescoremark (alliance_id, "
        "pending) SELECT DISTINCT a, TRUE FROM (SELECT alliance_id FROM new_rows) m(a) WHERE a IS "
        "NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = TRUE WHERE "
        "worker_rescoremark.pending = FALSE; END IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN INSERT "
        "INTO worker_rescoremark (alliance_id, pending) SELECT DISTINCT a, TRUE FROM (SELECT "
        "alliance_id FROM old_rows) m(a) WHERE a IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = TRUE WHERE worker_rescoremark.pending = FALSE; END IF; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER rescore_deliverable_insert AFTER INSERT ON portfolio_deliverable "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_deliverable()"
    ),
    (
        "CREATE TRIGGER rescore_deliverable_update AFTER UPDATE ON portfolio_deliverable "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE "
        "FUNCTION rescore_deliverable()"
    ),
    (
        "CREATE TRIGGER rescore_deliverable_delete AFTER DELETE ON portfolio_deliverable "
        "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_deliverable()"
    ),
    (
        "CREATE OR REPLACE FUNCTION rescore_metricdefinition() RETURNS trigger LANGUAGE plpgsql "
        "AS $$ BEGIN IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO worker_rescoremark "
        "(alliance_id, pending) SELECT DISTINCT a, TRUE FROM (SELECT alliance_id FROM new_rows) "
        "m(a) WHERE a IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = TRUE WHERE "
        "worker_rescoremark.pending = FALSE; END IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN INSERT "
        "INTO worker_rescoremark (alliance_id, pending) SELECT DISTINCT a, TRUE FROM (SELECT "
        "alliance_id FROM old_rows) m(a) WHERE a IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = TRUE WHERE worker_rescoremark.pending = FALSE; END IF; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER rescore_metricdefinition_insert AFTER INSERT ON "
        "portfolio_metricdefinition REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE "
        "FUNCTION rescore_metricdefinition()"
    ),
    (
        "CREATE TRIGGER rescore_metricdefinition_update AFTER UPDATE ON "
        "portfolio_metricdefinition REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR "
        "EACH STATEMENT EXECUTE FUNCTION rescore_metricdefinition()"
    ),
    (
        "CREATE TRIGGER rescore_metricdefinition_delete AFTER DELETE ON "
        "portfolio_metricdefinition REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE "
        "FUNCTION rescore_metricdefinition()"
    ),
    (
        "CREATE OR REPLACE FUNCTION rescore_survey() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO worker_rescoremark (alliance_id, "
        "pending) SELECT DISTINCT a, TRUE FROM (SELECT alliance_id FROM new_rows) m(a) WHERE a IS "
        "NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = TRUE WHERE "
        "worker_rescoremark.pending = FALSE; END IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN INSERT "
        "INTO worker_rescoremark (alliance_id, pending) SELECT DISTINCT a, TRUE FROM (SELECT "
        "alliance_id FROM old_rows) m(a) WHERE a IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = TRUE WHERE worker_rescoremark.pending = FALSE; END IF; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER rescore_survey_insert AFTER INSERT ON portfolio_survey REFERENCING NEW "
        "TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_survey()"
    ),
    (
        "CREATE TRIGGER rescore_survey_update AFTER UPDATE ON portfolio_survey REFERENCING OLD "
        "TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_survey()"
    ),
    (
        "CREATE TRIGGER rescore_survey_delete AFTER DELETE ON portfolio_survey REFERENCING OLD "
        "TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_survey()"
    ),
    (
        "CREATE OR REPLACE FUNCTION rescore_observation() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO worker_rescoremark (alliance_id, "
        "pending) SELECT DISTINCT a, TRUE FROM (SELECT alliance_id FROM new_rows) m(a) WHERE a IS "
        "NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = TRUE WHERE "
        "worker_rescoremark.pending = FALSE; END IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN INSERT "
        "INTO worker_rescoremark (alliance_id, pending) SELECT DISTINCT a, TRUE FROM (SELECT "
        "alliance_id FROM old_rows) m(a) WHERE a IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = TRUE WHERE worker_rescoremark.pending = FALSE; END IF; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER rescore_observation_insert AFTER INSERT ON portfolio_observation "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_observation()"
    ),
    (
        "CREATE TRIGGER rescore_observation_update AFTER UPDATE ON portfolio_observation "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE "
        "FUNCTION rescore_observation()"
    ),
    (
        "CREATE TRIGGER rescore_observation_delete AFTER DELETE ON portfolio_observation "
        "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_observation()"
    ),
    (
        "CREATE OR REPLACE FUNCTION rescore_contextfactor() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO worker_rescoremark "
        "(alliance_id, pending) SELECT DISTINCT a, TRUE FROM (SELECT alliance_id FROM new_rows) "
        "m(a) WHERE a IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = TRUE WHERE "
        "worker_rescoremark.pending = FALSE; END IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN INSERT "
        "INTO worker_rescoremark (alliance_id, pending) SELECT DISTINCT a, TRUE FROM (SELECT "
        "alliance_id FROM old_rows) m(a) WHERE a IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = TRUE WHERE worker_rescoremark.pending = FALSE; END IF; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER rescore_contextfactor_insert AFTER INSERT ON portfolio_contextfactor "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_contextfactor()"
    ),
    (
        "CREATE TRIGGER rescore_contextfactor_update AFTER UPDATE ON portfolio_contextfactor "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE "
        "FUNCTION rescore_contextfactor()"
    ),
    (
        "CREATE TRIGGER rescore_contextfactor_delete AFTER DELETE ON portfolio_contextfactor "
        "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_contextfactor()"
    ),
    (
        "CREATE OR REPLACE FUNCTION rescore_checkin() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO worker_rescoremark (alliance_id, "
        "pending) SELECT DISTINCT a, TRUE FROM (SELECT alliance_id FROM new_rows) m(a) WHERE a IS "
        "NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = TRUE WHERE "
        "worker_rescoremark.pending = FALSE; END IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN INSERT "
        "INTO worker_rescoremark (alliance_id, pending) SELECT DISTINCT a, TRUE FROM (SELECT "
        "alliance_id FROM old_rows) m(a) WHERE a IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = TRUE WHERE worker_rescoremark.pending = FALSE; END IF; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER rescore_checkin_insert AFTER INSERT ON portfolio_checkin REFERENCING NEW "
        "TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_checkin()"
    ),
    (
        "CREATE TRIGGER rescore_checkin_update AFTER UPDATE ON portfolio_checkin REFERENCING OLD "
        "TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_checkin()"
    ),
    (
        "CREATE TRIGGER rescore_checkin_delete AFTER DELETE ON portfolio_checkin REFERENCING OLD "
        "TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_checkin()"
    ),
    (
        "CREATE OR REPLACE FUNCTION rescore_decision() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO worker_rescoremark (alliance_id, "
        "pending) SELECT DISTINCT a, TRUE FROM (SELECT alliance_id FROM new_rows) m(a) WHERE a IS "
        "NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = TRUE WHERE "
        "worker_rescoremark.pending = FALSE; END IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN INSERT "
        "INTO worker_rescoremark (alliance_id, pending) SELECT DISTINCT a, TRUE FROM (SELECT "
        "alliance_id FROM old_rows) m(a) WHERE a IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = TRUE WHERE worker_rescoremark.pending = FALSE; END IF; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER rescore_decision_insert AFTER INSERT ON portfolio_decision REFERENCING "
        "NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_decision()"
    ),
    (
        "CREATE TRIGGER rescore_decision_update AFTER UPDATE ON portfolio_decision REFERENCING "
        "OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_decision()"
    ),
    (
        "CREATE TRIGGER rescore_decision_delete AFTER DELETE ON portfolio_decision REFERENCING "
        "OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_decision()"
    ),
    (
        "CREATE OR REPLACE FUNCTION rescore_agreement() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO worker_rescoremark (alliance_id, "
        "pending) SELECT DISTINCT a, TRUE FROM (SELECT alliance_id FROM new_rows) m(a) WHERE a IS "
        "NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = TRUE WHERE "
        "worker_rescoremark.pending = FALSE; END IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN INSERT "
        "INTO worker_rescoremark (alliance_id, pending) SELECT DISTINCT a, TRUE FROM (SELECT "
        "alliance_id FROM old_rows) m(a) WHERE a IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = TRUE WHERE worker_rescoremark.pending = FALSE; END IF; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER rescore_agreement_insert AFTER INSERT ON portfolio_agreement REFERENCING "
        "NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_agreement()"
    ),
    (
        "CREATE TRIGGER rescore_agreement_update AFTER UPDATE ON portfolio_agreement REFERENCING "
        "OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_agreement()"
    ),
    (
        "CREATE TRIGGER rescore_agreement_delete AFTER DELETE ON portfolio_agreement REFERENCING "
        "OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_agreement()"
    ),
    (
        "CREATE OR REPLACE FUNCTION rescore_goal() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO worker_rescoremark (alliance_id, "
        "pending) SELECT DISTINCT a, TRUE FROM (SELECT alliance_id FROM new_rows) m(a) WHERE a IS "
        "NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = TRUE WHERE "
        "worker_rescoremark.pending = FALSE; END IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN INSERT "
        "INTO worker_rescoremark (alliance_id, pending) SELECT DISTINCT a, TRUE FROM (SELECT "
        "alliance_id FROM old_rows) m(a) WHERE a IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = TRUE WHERE worker_rescoremark.pending = FALSE; END IF; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER rescore_goal_insert AFTER INSERT ON portfolio_goal REFERENCING NEW TABLE "
        "AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_goal()"
    ),
    (
        "CREATE TRIGGER rescore_goal_update AFTER UPDATE ON portfolio_goal REFERENCING OLD TABLE "
        "AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_goal()"
    ),
    (
        "CREATE TRIGGER rescore_goal_delete AFTER DELETE ON portfolio_goal REFERENCING OLD TABLE "
        "AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rescore_goal()"
    ),
    (
        "CREATE OR REPLACE FUNCTION rescore_governancebody() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO worker_rescoremark "
        "(alliance_id, pending) SELECT DISTINCT a, TRUE FROM (SELECT alliance_id FROM new_rows) "
        "m(a) WHERE a IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE SET pending = TRUE WHERE "
        "worker_rescoremark.pending = FALSE; END IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN INSERT "
        "INTO worker_rescoremark (alliance_id, pending) SELECT DISTINCT a, TRUE FROM (SELECT "
        "alliance_id FROM old_rows) m(a) WHERE a IS NOT NULL ON CONFLICT (alliance_id) DO UPDATE "
        "SET pending = TRUE WHERE worker_rescoremark.pending = FALSE; END IF; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER rescore_governancebody_insert AFTER INSERT ON portfolio_governancebody "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_governancebody()"
    ),
    (
        "CREATE TRIGGER rescore_governancebody_update AFTER UPDATE ON portfolio_governancebody "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE "
        "FUNCTION rescore_governancebody()"
    ),
    (
        "CREATE TRIGGER rescore_governancebody_delete AFTER DELETE ON portfolio_governancebody "
        "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_governancebody()"
    ),
    (
        "CREATE OR REPLACE FUNCTION rescore_metricvalue() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO worker_rescoremark (alliance_id, "
        "pending) SELECT DISTINCT a, TRUE FROM (SELECT p.alliance_id FROM new_rows r JOIN "
        "portfolio_metricdefinition p ON p.id = r.metric_id) m(a) WHERE a IS NOT NULL ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = TRUE WHERE worker_rescoremark.pending = FALSE; END "
        "IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN INSERT INTO worker_rescoremark (alliance_id, "
        "pending) SELECT DISTINCT a, TRUE FROM (SELECT p.alliance_id FROM old_rows r JOIN "
        "portfolio_metricdefinition p ON p.id = r.metric_id) m(a) WHERE a IS NOT NULL ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = TRUE WHERE worker_rescoremark.pending = FALSE; END "
        "IF; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER rescore_metricvalue_insert AFTER INSERT ON portfolio_metricvalue "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_metricvalue()"
    ),
    (
        "CREATE TRIGGER rescore_metricvalue_update AFTER UPDATE ON portfolio_metricvalue "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE "
        "FUNCTION rescore_metricvalue()"
    ),
    (
        "CREATE TRIGGER rescore_metricvalue_delete AFTER DELETE ON portfolio_metricvalue "
        "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_metricvalue()"
    ),
    (
        "CREATE OR REPLACE FUNCTION rescore_surveyresponse() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO worker_rescoremark "
        "(alliance_id, pending) SELECT DISTINCT a, TRUE FROM (SELECT p.alliance_id FROM new_rows "
        "r JOIN portfolio_survey p ON p.id = r.survey_id) m(a) WHERE a IS NOT NULL ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = TRUE WHERE worker_rescoremark.pending = FALSE; END "
        "IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN INSERT INTO worker_rescoremark (alliance_id, "
        "pending) SELECT DISTINCT a, TRUE FROM (SELECT p.alliance_id FROM old_rows r JOIN "
        "portfolio_survey p ON p.id = r.survey_id) m(a) WHERE a IS NOT NULL ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = TRUE WHERE worker_rescoremark.pending = FALSE; END "
        "IF; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER rescore_surveyresponse_insert AFTER INSERT ON portfolio_surveyresponse "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_surveyresponse()"
    ),
    (
        "CREATE TRIGGER rescore_surveyresponse_update AFTER UPDATE ON portfolio_surveyresponse "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE "
        "FUNCTION rescore_surveyresponse()"
    ),
    (
        "CREATE TRIGGER rescore_surveyresponse_delete AFTER DELETE ON portfolio_surveyresponse "
        "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_surveyresponse()"
    ),
    (
        "CREATE OR REPLACE FUNCTION rescore_actionitem() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN IF TG_OP IN ('INSERT', 'UPDATE') THEN INSERT INTO worker_rescoremark (alliance_id, "
        "pending) SELECT DISTINCT a, TRUE FROM (SELECT p.alliance_id FROM new_rows r JOIN "
        "portfolio_decision p ON p.id = r.decision_id) m(a) WHERE a IS NOT NULL ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = TRUE WHERE worker_rescoremark.pending = FALSE; END "
        "IF; IF TG_OP IN ('UPDATE', 'DELETE') THEN INSERT INTO worker_rescoremark (alliance_id, "
        "pending) SELECT DISTINCT a, TRUE FROM (SELECT p.alliance_id FROM old_rows r JOIN "
        "portfolio_decision p ON p.id = r.decision_id) m(a) WHERE a IS NOT NULL ON CONFLICT "
        "(alliance_id) DO UPDATE SET pending = TRUE WHERE worker_rescoremark.pending = FALSE; END "
        "IF; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER rescore_actionitem_insert AFTER INSERT ON portfolio_actionitem "
        "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_actionitem()"
    ),
    (
        "CREATE TRIGGER rescore_actionitem_update AFTER UPDATE ON portfolio_actionitem "
        "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE "
        "FUNCTION rescore_actionitem()"
    ),
    (
        "CREATE TRIGGER rescore_actionitem_delete AFTER DELETE ON portfolio_actionitem "
        "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "
        "rescore_actionitem()"
    ),
    (
        "CREATE OR REPLACE FUNCTION rescore_activitystale() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN INSERT INTO worker_rescoremark (alliance_id, pending) VALUES (NEW.alliance_id, "
        "TRUE) ON CONFLICT (alliance_id) DO UPDATE SET pending = TRUE WHERE "
        "worker_rescoremark.pending = FALSE; RETURN NULL; END $$"
    ),
    (
        "CREATE TRIGGER rescore_activitystale AFTER INSERT OR UPDATE ON portfolio_activitystale "
        "FOR EACH ROW EXECUTE FUNCTION rescore_activitystale()"
    ),
)
POSTGRESQL_DROP = (
    "DROP FUNCTION IF EXISTS rescore_alliance() CASCADE",
    "DROP FUNCTION IF EXISTS rescore_contact() CASCADE",
    "DROP FUNCTION IF EXISTS rescore_deliverable() CASCADE",
    "DROP FUNCTION IF EXISTS rescore_metricdefinition() CASCADE",
    "DROP FUNCTION IF EXISTS rescore_survey() CASCADE",
    "DROP FUNCTION IF EXISTS rescore_observation() CASCADE",
    "DROP FUNCTION IF EXISTS rescore_contextfactor() CASCADE",
    "DROP FUNCTION IF EXISTS rescore_checkin() CASCADE",
    "DROP FUNCTION IF EXISTS rescore_decision() CASCADE",
    "DROP FUNCTION IF EXISTS rescore_agreement() CASCADE",
    "DROP FUNCTION IF EXISTS rescore_goal() CASCADE",
    "DROP FUNCTION IF EXISTS rescore_governancebody() CASCADE",
    "DROP FUNCTION IF EXISTS rescore_metricvalue() CASCADE",
    "DROP FUNCTION IF EXISTS rescore_surveyresponse() CASCADE",
    "DROP FUNCTION IF EXISTS rescore_actionitem() CASCADE",
    "DROP FUNCTION IF EXISTS rescore_activitystale() CASCADE",
)


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        statements = (*SQLITE_DROP, *SQLITE)
    elif vendor == "postgresql":
        statements = (*POSTGRESQL_DROP, *POSTGRESQL)
    else:
        raise NotImplementedError(f"no re-score triggers for the {vendor} database")
    for statement in statements:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("portfolio", "0012_activity_triggers_frozen"),
        ("worker", "0002_rescore_triggers"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
