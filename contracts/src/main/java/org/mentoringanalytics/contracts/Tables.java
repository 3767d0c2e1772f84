package org.mentoringanalytics.contracts;

import static org.mentoringanalytics.contracts.Column.optional;
import static org.mentoringanalytics.contracts.Column.optionalEnum;
import static org.mentoringanalytics.contracts.Column.required;
import static org.mentoringanalytics.contracts.Column.requiredEnum;
import static org.mentoringanalytics.contracts.ColumnType.BOOLEAN;
import static org.mentoringanalytics.contracts.ColumnType.DATE;
import static org.mentoringanalytics.contracts.ColumnType.DOUBLE;
import static org.mentoringanalytics.contracts.ColumnType.INT;
import static org.mentoringanalytics.contracts.ColumnType.LONG;
import static org.mentoringanalytics.contracts.ColumnType.STRING;
import static org.mentoringanalytics.contracts.ColumnType.TIMESTAMP;

import java.util.List;
import java.util.Optional;

/**
 * The catalogue of warehouse tables. Person columns in every table past ingest hold keyed
 * pseudonyms ({@code *_key}), never raw employee identifiers, names or emails.
 */
public final class Tables {

    private static final String PERSON_KEY = "keyed HMAC-SHA-256 pseudonym of the employee id";

    private Tables() {
    }

    // ---------------------------------------------------------------- staging

    public static final TableContract STG_EMPLOYEES = TableContract.builder(
                    "stg_employees", Layer.STAGING, "One row per employee.")
            .column(required("employee_key", STRING, PERSON_KEY))
            .column(required("hire_date", DATE, "first day of employment"))
            .column(optional("termination_date", DATE, "last day of employment; null while employed"))
            .column(optionalEnum("termination_type",
                    "why employment ended; other (death, retirement, ...) is censored, not counted as turnover",
                    "voluntary", "involuntary", "other"))
            .column(required("department", STRING, "department at extraction"))
            .column(required("location", STRING, "work location at extraction"))
            .column(required("job_level", STRING, "job level at extraction, e.g. L3"))
            .column(optional("manager_key", STRING, "pseudonym of the line manager"))
            .column(optional("gender", STRING, "self-described gender, optional"))
            .column(optional("ethnicity", STRING, "self-described ethnicity, optional"))
            .column(optional("birth_year", INT, "year of birth, optional"))
            .primaryKey("employee_key")
            .invariant("termination_date >= hire_date")
            .invariant("termination_type is set exactly when termination_date is set")
            .build();

    public static final TableContract STG_JOB_CHANGES = TableContract.builder(
                    "stg_job_changes", Layer.STAGING, "One row per job change of an employee on a date.")
            .column(required("employee_key", STRING, PERSON_KEY))
            .column(required("effective_date", DATE, "day the change took effect"))
            .column(requiredEnum("change_type", "kind of change", "promotion", "lateral", "demotion"))
            .column(optional("from_level", STRING, "level before the change"))
            .column(optional("to_level", STRING, "level after the change"))
            .primaryKey("employee_key", "effective_date")
            .build();

    public static final TableContract STG_PROGRAMS = TableContract.builder(
                    "stg_programs", Layer.STAGING, "One row per mentoring program.")
            .column(required("program_id", STRING, "program identifier"))
            .column(required("name", STRING, "program name shown in reports"))
            .column(requiredEnum("program_type", "kind of program",
                    "onboarding", "career", "succession", "reverse", "peer", "diversity_group"))
            .column(requiredEnum("format", "one mentor per mentee or per group", "one_to_one", "group"))
            .column(required("start_date", DATE, "first day of the program"))
            .column(optional("end_date", DATE, "last day of the program; null while running"))
            .primaryKey("program_id")
            .invariant("end_date >= start_date")
            .build();

    public static final TableContract STG_ENROLLMENTS = TableContract.builder(
                    "stg_enrollments", Layer.STAGING,
                    "One row per enrolment of a person in a program in a role; a later cohort may enrol the same person again.")
            .column(required("program_id", STRING, "program enrolled in"))
            .column(required("employee_key", STRING, PERSON_KEY))
            .column(requiredEnum("role", "role in the program", "mentor", "mentee"))
            .column(required("enrolled_at", TIMESTAMP, "moment of enrolment"))
            .primaryKey("program_id", "employee_key", "role", "enrolled_at")
            .build();

    public static final TableContract STG_MATCHES = TableContract.builder(
                    "stg_matches", Layer.STAGING,
                    "One row per match and mentee; a group match has one row per mentee.")
            .column(required("match_id", STRING, "match identifier"))
            .column(required("program_id", STRING, "program of the match"))
            .column(required("mentor_key", STRING, "pseudonym of the mentor"))
            .column(required("mentee_key", STRING, "pseudonym of the mentee"))
            .column(required("matched_at", TIMESTAMP, "moment the match was made"))
            .column(optional("ended_at", TIMESTAMP, "moment the match ended; null while running"))
            .column(optionalEnum("end_reason", "why the match ended", "completed", "withdrawn", "rematched"))
            .primaryKey("match_id", "mentee_key")
            .invariant("ended_at >= matched_at")
            .build();

    public static final TableContract STG_GOALS = TableContract.builder(
                    "stg_goals", Layer.STAGING, "One row per goal set in a match.")
            .column(required("goal_id", STRING, "goal identifier"))
            .column(required("match_id", STRING, "match that set the goal"))
            .column(required("created_at", TIMESTAMP, "moment the goal was set"))
            .column(required("category", STRING, "goal category"))
            .column(optional("target_date", DATE, "planned completion date"))
            .column(requiredEnum("status", "state of the goal", "open", "completed", "abandoned"))
            .column(optional("completed_at", TIMESTAMP, "moment of completion"))
            .primaryKey("goal_id")
            .build();

    public static final TableContract STG_SESSIONS = TableContract.builder(
                    "stg_sessions", Layer.STAGING, "One row per mentoring session or asynchronous touch.")
            .column(required("session_id", STRING, "session identifier"))
            .column(required("match_id", STRING, "match the session belongs to"))
            .column(required("started_at", TIMESTAMP, "start of the session"))
            .column(required("duration_minutes", INT, "length in minutes; 0 for an async message"))
            .column(requiredEnum("channel", "medium", "video", "phone", "chat", "email", "in_person"))
            .column(requiredEnum("mode", "synchronous meeting or asynchronous exchange", "sync", "async"))
            .column(optional("logged_by_key", STRING, "pseudonym of the person who logged it"))
            .primaryKey("session_id")
            .invariant("duration_minutes between 0 and 600")
            .build();

    public static final TableContract STG_SURVEY_QUESTIONS = TableContract.builder(
                    "stg_survey_questions", Layer.STAGING, "One row per survey question.")
            .column(required("question_id", STRING, "question identifier"))
            .column(required("survey_type", STRING, "survey the question belongs to"))
            .column(required("construct", STRING, "construct the item measures, e.g. satisfaction"))
            .column(required("scale_min", INT, "lowest score"))
            .column(required("scale_max", INT, "highest score"))
            .column(required("text", STRING, "question wording"))
            .primaryKey("question_id")
            .build();

    public static final TableContract STG_SURVEY_RESPONSES = TableContract.builder(
                    "stg_survey_responses", Layer.STAGING, "One row per survey response and question.")
            .column(required("response_id", STRING, "one submitted survey"))
            .column(required("survey_id", STRING, "survey wave"))
            .column(requiredEnum("survey_type", "kind of survey", "baseline", "pulse", "midpoint", "end_of_program"))
            .column(required("program_id", STRING, "program surveyed"))
            .column(required("employee_key", STRING, PERSON_KEY))
            .column(requiredEnum("role", "respondent's role", "mentor", "mentee"))
            .column(required("submitted_at", TIMESTAMP, "moment of submission"))
            .column(required("question_id", STRING, "question answered"))
            .column(optional("score", INT, "answer on the question's scale; null when skipped"))
            .primaryKey("response_id", "question_id")
            .build();

    // ---------------------------------------------------------------- data quality of ingest

    public static final TableContract STG_INGEST_FILES = TableContract.builder(
                    "stg_ingest_files", Layer.STAGING,
                    "One row per landing file version (path and content hash) that ingest has processed.")
            .column(required("content_hash", STRING, "SHA-256 of the file's bytes"))
            .column(required("file", STRING, "path relative to the landing folder"))
            .column(required("source", STRING, "landing source the file belongs to"))
            .column(required("run_id", LONG, "ingest run that processed it"))
            .column(required("ingested_at", TIMESTAMP, "when the run published it"))
            .column(requiredEnum("status", "outcome for the file", "loaded", "rejected_whole"))
            .column(required("rows_read", LONG, "data rows read"))
            .column(required("rows_written", LONG, "rows written to staging"))
            .column(required("rows_rejected", LONG, "rows quarantined"))
            .column(required("rows_superseding", LONG, "written rows that replaced an earlier version of the same key"))
            .column(optional("message", STRING, "why a file was rejected whole, or warnings"))
            .primaryKey("content_hash", "file")
            .invariant("rows_written + rows_rejected = rows_read")
            .build();

    public static final TableContract STG_INGEST_REJECTS = TableContract.builder(
                    "stg_ingest_rejects", Layer.STAGING,
                    "One row per ingest run, landing file and reject reason, with how many rows it hit.")
            .column(required("run_id", LONG, "ingest run"))
            .column(required("file", STRING, "path relative to the landing folder"))
            .column(required("source", STRING, "landing source"))
            .column(required("field", STRING, "landing field at fault"))
            .column(requiredEnum("reason", "kind of fault", "missing", "bad_type", "not_accepted", "out_of_range",
                    "after_as_of", "inconsistent", "unknown_reference", "duplicate_key", "field_count", "too_long",
                    "bad_encoding"))
            .column(required("rows", LONG, "rows rejected for this reason"))
            .primaryKey("run_id", "file", "field", "reason")
            .build();

    public static final TableContract STG_INGEST_RUNS = TableContract.builder(
                    "stg_ingest_runs", Layer.STAGING, "One row per completed ingest run.")
            .column(required("run_id", LONG, "ingest run (job instance id)"))
            .column(required("as_of", DATE, "as-of date of the run"))
            .column(required("finished_at", TIMESTAMP, "when the run published"))
            .column(required("files_loaded", LONG, "new file versions loaded"))
            .column(required("files_skipped", LONG, "files skipped because that content was already ingested"))
            .column(required("files_rejected", LONG, "files rejected whole"))
            .column(required("rows_read", LONG, "data rows read"))
            .column(required("rows_written", LONG, "rows written"))
            .column(required("rows_rejected", LONG, "rows quarantined"))
            .primaryKey("run_id")
            .build();

    public static final TableContract STG_INGEST_CHANGES = TableContract.builder(
                    "stg_ingest_changes", Layer.STAGING,
                    "One row per ingest run, landing source and change found in the landing folder since earlier runs: "
                            + "a file removed after it was loaded, or the rows a new snapshot no longer holds.")
            .column(required("run_id", LONG, "ingest run that found the change"))
            .column(required("source", STRING, "landing source"))
            .column(required("file", STRING, "the removed file, or the files of the new snapshot, relative to the landing folder"))
            .column(requiredEnum("change", "what changed: a loaded file is gone (its rows stay), or a snapshot's "
                    + "new version lacks rows the staging table held (they are retired)", "file_removed", "rows_retired"))
            .column(required("content_hash", STRING, "SHA-256 of the removed version; empty for retired rows"))
            .column(required("rows", LONG, "rows the removed version held, or rows retired"))
            .primaryKey("run_id", "source", "file", "change")
            .build();

    // ---------------------------------------------------------------- restricted

    public static final TableContract RESTRICTED_SURVEY_COMMENTS = TableContract.builder(
                    "restricted_survey_comments", Layer.RESTRICTED,
                    "One row per survey answer that carried a free-text comment. No mart or report reads it.")
            .column(required("response_id", STRING, "submitted survey"))
            .column(required("question_id", STRING, "question the comment was given with"))
            .column(required("survey_id", STRING, "survey wave"))
            .column(required("program_id", STRING, "program surveyed"))
            .column(required("survey_type", STRING, "kind of survey"))
            .column(required("comment", STRING, "the free text, as written"))
            .primaryKey("response_id", "question_id")
            .build();

    // ---------------------------------------------------------------- intermediate

    public static final TableContract INT_OUTCOME_COHORT = TableContract.builder(
                    "int_outcome_cohort", Layer.INTERMEDIATE,
                    "One row per participant (mentee or mentor) and per matched comparison colleague, followed from the participant's index date.")
            .column(requiredEnum("role", "participants' role", "mentee", "mentor"))
            .column(requiredEnum("group_name", "participant or matched non-participant", "participant", "comparison"))
            .column(required("person_key", STRING, PERSON_KEY))
            .column(required("participant_key", STRING, "pseudonym of the participant this row belongs to (itself for participants)"))
            .column(required("index_date", DATE, "first match date of the participant"))
            .column(required("program_type", STRING, "type of the participant's first program"))
            .column(required("department", STRING, "department (matching stratum)"))
            .column(required("job_level", STRING, "job level at the index date (matching stratum)"))
            .column(required("tenure_band", STRING, "tenure at the index date: <1y, 1-3y, 3-5y, 5-10y, 10y+ (matching stratum)"))
            .column(required("tenure_years", DOUBLE, "tenure at the index date in years"))
            .column(optional("age", DOUBLE, "age in years at the index date, from the birth year"))
            .column(optional("gender", STRING, "self-described gender"))
            .column(required("time_days", INT, "days from the index date to a voluntary exit or to censoring"))
            .column(required("voluntary_exit", BOOLEAN, "whether the follow-up ended in a voluntary exit"))
            .column(optional("retained_12m", INT, "1 stayed 12 months, 0 left voluntarily within 12 months; null when unknown"))
            .column(optional("promoted_12m", INT, "1 promoted within 12 months, 0 not; null when not followed 12 months"))
            .primaryKey("role", "group_name", "person_key", "participant_key")
            .build();

    // ---------------------------------------------------------------- marts

    public static final TableContract MART_PROGRAM_ENGAGEMENT_MONTHLY = TableContract.builder(
                    "mart_program_engagement_monthly", Layer.MARTS,
                    "One row per program per calendar month from the program's first match to the as-of month.")
            .column(required("program_id", STRING, "program"))
            .column(required("program_name", STRING, "program name"))
            .column(required("month", DATE, "first day of the month (UTC)"))
            .column(required("live_matches", LONG, "matches running at any time in the month"))
            .column(required("active_matches", LONG, "live matches with at least one session in the month"))
            .column(required("sessions", LONG, "sessions in the month"))
            .column(required("minutes", LONG, "session minutes in the month"))
            .column(optional("sessions_per_active_match", DOUBLE, "sessions / active matches; null when none active"))
            .column(required("people", LONG, "distinct mentors and mentees in live matches"))
            .primaryKey("program_id", "month")
            .invariant("active_matches <= live_matches")
            .build();

    public static final TableContract MART_RETENTION_12M = TableContract.builder(
                    "mart_retention_12m", Layer.MARTS,
                    "One row per scope (a program or ALL) and group (mentee or comparison).")
            .column(required("scope", STRING, "program_id, or ALL for every program together"))
            .column(required("scope_name", STRING, "program name, or All programs"))
            .column(requiredEnum("group_name", "who is counted", "mentee", "comparison"))
            .column(required("people", LONG, "people followed for 12 months from their index date"))
            .column(required("retained", LONG, "people without a voluntary exit within 12 months"))
            .column(optional("retention_rate", DOUBLE, "retained / people; null when people = 0"))
            .column(optional("index_date", DATE, "comparison group's index date: median mentee index date"))
            .primaryKey("scope", "group_name")
            .invariant("retained <= people")
            .build();

    public static final TableContract MART_RETENTION_OUTCOME = TableContract.builder(
                    "mart_retention_outcome", Layer.MARTS,
                    "One row per scope (all, a program type or a department) and participant role: participants against matched non-participants.")
            .column(requiredEnum("scope_kind", "what the scope is", "all", "program_type", "department"))
            .column(required("scope", STRING, "ALL, the program type or the department"))
            .column(requiredEnum("role", "participants' role", "mentee", "mentor"))
            .column(required("participants", LONG, "participants with at least one matched comparison colleague"))
            .column(required("unmatched", LONG, "participants without a comparable colleague, left out"))
            .column(required("controls", LONG, "matched comparison rows (a colleague may serve several participants; each set weighs 1)"))
            .column(required("people", LONG, "distinct people behind the row (participants and controls)"))
            .column(required("participant_exits", LONG, "voluntary exits among participants during follow-up"))
            .column(required("control_exits", LONG, "voluntary exits among controls during follow-up"))
            .column(optional("hazard_ratio", DOUBLE, "weighted Cox hazard ratio of voluntary exit, participants vs controls, stratified by the matching strata (Efron ties); null when not estimable"))
            .column(optional("hazard_ratio_lower", DOUBLE, "95% lower bound, robust variance clustered on the person"))
            .column(optional("hazard_ratio_upper", DOUBLE, "95% upper bound, robust variance clustered on the person"))
            .column(optional("hazard_ratio_p", DOUBLE, "robust Wald p-value of the hazard ratio"))
            .column(optional("logrank_chi2", DOUBLE, "weighted log-rank (robust score) statistic, 1 df"))
            .column(optional("logrank_p", DOUBLE, "weighted log-rank (robust score) p-value"))
            .column(required("followed_12m_participants", LONG, "participants whose 12-month outcome is known"))
            .column(required("followed_12m_controls", LONG, "controls whose 12-month outcome is known"))
            .column(optional("retention_12m_participants", DOUBLE, "share of participants retained 12 months"))
            .column(optional("retention_12m_controls", DOUBLE, "share of controls retained 12 months"))
            .column(optional("retention_12m_difference", DOUBLE, "participants minus controls"))
            .column(optional("retention_12m_difference_lower", DOUBLE, "Newcombe hybrid score 95% lower bound on effective sample sizes"))
            .column(optional("retention_12m_difference_upper", DOUBLE, "Newcombe hybrid score 95% upper bound"))
            .column(optional("minimum_detectable_difference", DOUBLE, "smallest difference detectable at 80% power, 5% two-sided, at the pooled retention"))
            .column(optional("promotion_12m_participants", DOUBLE, "share of participants promoted within 12 months"))
            .column(optional("promotion_12m_controls", DOUBLE, "share of controls promoted within 12 months"))
            .column(optional("promotion_12m_difference_lower", DOUBLE, "Newcombe 95% lower bound of the promotion difference"))
            .column(optional("promotion_12m_difference_upper", DOUBLE, "Newcombe 95% upper bound of the promotion difference"))
            .column(optional("log_hazard_ratio", DOUBLE, "log of the hazard ratio"))
            .column(optional("log_hazard_ratio_se", DOUBLE, "robust standard error of the log hazard ratio, clustered on the person"))
            .column(optional("hazard_ratio_note", STRING, "why the hazard ratio is not estimable; null when it is"))
            .column(optional("hazard_ratio_p_adjusted", DOUBLE, "Benjamini-Hochberg adjusted p-value across the scopes of the same kind; null for ALL"))
            .column(optional("heterogeneity_p", DOUBLE, "Cochran's Q test that the hazard ratio is the same in every scope of this kind; null for ALL"))
            .column(requiredEnum("evidence", "estimate; too_small: fewer than 10 voluntary exits in all; not_estimable: see hazard_ratio_note",
                    "estimate", "too_small", "not_estimable"))
            .column(optional("e_value", DOUBLE, "E-value of the hazard ratio (VanderWeele and Ding 2017, common outcome)"))
            .column(optional("e_value_limit", DOUBLE, "E-value of the confidence limit nearer 1; 1 when the interval includes 1"))
            .column(required("excluded_other_role", LONG, "participants left out because they took part in the other role first"))
            .column(optional("median_days_participants", DOUBLE, "Kaplan-Meier median days to a voluntary exit; null when not reached"))
            .column(optional("median_days_participants_lower", DOUBLE, "95% lower bound (Brookmeyer-Crowley)"))
            .column(optional("median_days_participants_upper", DOUBLE, "95% upper bound; null when not reached"))
            .column(optional("median_days_controls", DOUBLE, "Kaplan-Meier median days to a voluntary exit of the weighted comparison"))
            .column(optional("median_days_controls_lower", DOUBLE, "95% lower bound (Brookmeyer-Crowley)"))
            .column(optional("median_days_controls_upper", DOUBLE, "95% upper bound; null when not reached"))
            .column(optional("effective_12m_participants", DOUBLE, "effective sample size of the participants' 12-month retention"))
            .column(optional("effective_12m_controls", DOUBLE, "effective sample size of the controls' 12-month retention (weights and reused colleagues)"))
            .primaryKey("scope_kind", "scope", "role")
            .invariant("participants + controls >= people")
            .build();

    public static final TableContract MART_RETENTION_SURVIVAL = TableContract.builder(
                    "mart_retention_survival", Layer.MARTS,
                    "One row per participant role, group and day on which a voluntary exit happened: the Kaplan-Meier curve.")
            .column(requiredEnum("role", "participants' role", "mentee", "mentor"))
            .column(requiredEnum("group_name", "participants or their matched comparison", "participant", "comparison"))
            .column(required("time_days", INT, "days since the index date"))
            .column(required("at_risk", LONG, "people still followed just before the day"))
            .column(required("events", LONG, "voluntary exits on the day"))
            .column(required("survival", DOUBLE, "Kaplan-Meier share still employed"))
            .column(required("lower", DOUBLE, "Greenwood 95% lower bound (log scale)"))
            .column(required("upper", DOUBLE, "Greenwood 95% upper bound (log scale)"))
            .column(required("people", LONG, "people in the group"))
            .primaryKey("role", "group_name", "time_days")
            .build();

    public static final TableContract MART_RETENTION_AT_RISK = TableContract.builder(
                    "mart_retention_at_risk", Layer.MARTS,
                    "One row per participant role, group and fixed day since the index date (0, 90, 180, 365, 540, 730, 1095): the numbers at risk under the curves.")
            .column(requiredEnum("role", "participants' role", "mentee", "mentor"))
            .column(requiredEnum("group_name", "participants or their matched comparison", "participant", "comparison"))
            .column(required("time_days", INT, "days since the index date"))
            .column(required("at_risk", LONG, "rows still followed on the day"))
            .column(required("people", LONG, "distinct people still followed on the day"))
            .column(required("survival", DOUBLE, "weighted Kaplan-Meier share still employed on the day"))
            .primaryKey("role", "group_name", "time_days")
            .invariant("people <= at_risk")
            .build();

    public static final TableContract MART_MATCHING_BALANCE = TableContract.builder(
                    "mart_matching_balance", Layer.MARTS,
                    "One row per participant role and covariate: standardized mean difference before and after matching.")
            .column(requiredEnum("role", "participants' role", "mentee", "mentor"))
            .column(required("covariate", STRING, "covariate, or covariate=level for a category"))
            .column(optional("smd_before", DOUBLE, "participants vs all non-participants employed on the median index date"))
            .column(optional("smd_after", DOUBLE, "participants vs their matched comparison colleagues, with the ATT weights"))
            .column(required("people", LONG, "participants behind the row"))
            .primaryKey("role", "covariate")
            .build();

    public static final TableContract MART_MATCH_ENGAGEMENT_MONTHLY = TableContract.builder(
                    "mart_match_engagement_monthly", Layer.MARTS,
                    "One row per match per calendar month in which it was live, up to the as-of month.")
            .column(required("match_id", STRING, "match"))
            .column(required("program_id", STRING, "program"))
            .column(required("program_type", STRING, "program type"))
            .column(required("department", STRING, "department of the match's (first) mentee"))
            .column(required("month", DATE, "first day of the month (UTC)"))
            .column(required("sessions", LONG, "sessions in the month"))
            .column(required("minutes", LONG, "session minutes in the month"))
            .column(required("video_sessions", LONG, "video sessions"))
            .column(required("phone_sessions", LONG, "phone sessions"))
            .column(required("chat_sessions", LONG, "chat sessions"))
            .column(required("email_sessions", LONG, "email sessions"))
            .column(required("in_person_sessions", LONG, "in-person sessions"))
            .column(required("async_sessions", LONG, "asynchronous sessions"))
            .column(required("active", BOOLEAN, "at least one session in the month"))
            .column(required("days_since_last_touch", INT, "days from the last session (or the match) to the month's end or the as-of date"))
            .column(required("people", LONG, "mentor and mentees of the match"))
            .primaryKey("match_id", "month")
            .build();

    public static final TableContract MART_ENGAGEMENT_ROLLUP = TableContract.builder(
                    "mart_engagement_rollup", Layer.MARTS,
                    "One row per breakdown (program, program type or department), value and calendar month.")
            .column(requiredEnum("dimension", "what the rows are broken down by", "program", "program_type", "department"))
            .column(required("value", STRING, "program id, program type or department"))
            .column(required("month", DATE, "first day of the month (UTC)"))
            .column(required("live_matches", LONG, "live matches"))
            .column(required("active_matches", LONG, "live matches with a session in the month"))
            .column(optional("active_rate", DOUBLE, "active / live"))
            .column(required("sessions", LONG, "sessions"))
            .column(required("minutes", LONG, "session minutes"))
            .column(optional("sessions_per_active_match", DOUBLE, "sessions / active matches"))
            .column(optional("async_share", DOUBLE, "asynchronous sessions / sessions"))
            .column(optional("video_share", DOUBLE, "share of sessions by video"))
            .column(optional("phone_share", DOUBLE, "share by phone"))
            .column(optional("chat_share", DOUBLE, "share by chat"))
            .column(optional("email_share", DOUBLE, "share by email"))
            .column(optional("in_person_share", DOUBLE, "share in person"))
            .column(optional("median_gap_days", DOUBLE, "median days between consecutive sessions of a match, for sessions in the month"))
            .column(required("people", LONG, "distinct mentors and mentees in live matches"))
            .primaryKey("dimension", "value", "month")
            .build();

    public static final TableContract MART_MATCH_HEALTH = TableContract.builder(
                    "mart_match_health", Layer.MARTS,
                    "One row per program and health status of its live matches on the as-of date.")
            .column(required("program_id", STRING, "program"))
            .column(required("program_name", STRING, "program name"))
            .column(requiredEnum("health", "days since the last touch: on track <= 30, at risk 31-60, dormant > 60",
                    "on_track", "at_risk", "dormant"))
            .column(required("matches", LONG, "live matches in this state"))
            .column(required("people", LONG, "distinct mentors and mentees in them"))
            .primaryKey("program_id", "health")
            .build();

    public static final TableContract MART_PARTICIPATION_QUARTERLY = TableContract.builder(
                    "mart_participation_quarterly", Layer.MARTS, "One row per program (or ALL, every program together) per calendar quarter.")
            .column(required("program_id", STRING, "program"))
            .column(required("program_name", STRING, "program name"))
            .column(required("quarter", STRING, "calendar quarter, e.g. 2026-Q3"))
            .column(required("quarter_start", DATE, "first day of the quarter"))
            .column(required("mentees_enrolled", LONG, "mentee enrolments in the quarter"))
            .column(required("mentors_enrolled", LONG, "mentor enrolments in the quarter"))
            .column(required("mentees_matched", LONG, "of those mentees, how many were matched in the program by the as-of date"))
            .column(optional("match_rate", DOUBLE, "matched / enrolled mentees"))
            .column(optional("median_days_to_match", DOUBLE, "median days from enrolment to first match"))
            .column(required("participants", LONG, "distinct people in matches live during the quarter"))
            .column(required("average_headcount", DOUBLE, "(headcount at the quarter's start + at its end) / 2"))
            .column(optional("participation_rate", DOUBLE, "participants / average headcount"))
            .column(required("people", LONG, "people behind the row: enrolled or participating"))
            .primaryKey("program_id", "quarter")
            .build();

    public static final TableContract MART_PARTICIPATION_EQUITY = TableContract.builder(
                    "mart_participation_equity", Layer.MARTS,
                    "One row per calendar quarter, attribute (gender, job level, ethnicity), group and role: who takes part, against the workforce.")
            .column(required("quarter", STRING, "calendar quarter, e.g. 2026-Q3"))
            .column(requiredEnum("dimension", "attribute the workforce is split by; job level is taken at the quarter's end "
                    + "(or the last day employed)", "gender", "job_level", "ethnicity"))
            .column(required("value", STRING, "group: the attribute's value, or not stated"))
            .column(requiredEnum("role", "participants' role", "mentee", "mentor"))
            .column(required("workforce", LONG, "people employed on at least one day of the quarter"))
            .column(optional("workforce_share", DOUBLE, "workforce of the group / workforce of every group"))
            .column(required("participants", LONG, "of the workforce, people in a match live during the quarter in this role"))
            .column(optional("participant_share", DOUBLE, "participants of the group / participants of every group"))
            .column(optional("participation_rate", DOUBLE, "participants / workforce"))
            .column(optional("participation_rate_lower", DOUBLE, "Wilson score 95% lower bound"))
            .column(optional("participation_rate_upper", DOUBLE, "Wilson score 95% upper bound"))
            .column(optional("representation", DOUBLE, "participant share / workforce share: 1 is in line with the workforce"))
            .column(optional("mentees_enrolled", LONG, "mentees only: of the workforce, people who enrolled as a mentee in the 12 months to the quarter's end"))
            .column(optional("mentees_matched", LONG, "mentees only: of those, people matched after enrolling, by the as-of date"))
            .column(optional("match_rate", DOUBLE, "mentees only: matched / enrolled"))
            .column(optional("representation_p", DOUBLE, "Pearson chi-square p that taking part in this role is independent of the "
                    + "attribute's group (groups x took part or not), groups with an expected count under 5 pooled; null when under two groups remain"))
            .column(required("people", LONG, "smallest people count of the row: workforce, participants and, for mentees, enrolled"))
            .primaryKey("quarter", "dimension", "value", "role")
            .invariant("participants <= workforce")
            .build();

    public static final TableContract MART_GOALS = TableContract.builder(
                    "mart_goals", Layer.MARTS, "One row per program, and ALL for every program together: goals of its matches as of the as-of date.")
            .column(required("program_id", STRING, "program"))
            .column(required("program_name", STRING, "program name"))
            .column(required("matches", LONG, "matches made by the as-of date"))
            .column(required("matches_with_goal", LONG, "matches that set at least one goal"))
            .column(optional("goal_share", DOUBLE, "matches with a goal / matches"))
            .column(required("goals", LONG, "goals set"))
            .column(required("completed", LONG, "goals completed"))
            .column(optional("completion_rate", DOUBLE, "completed / goals"))
            .column(optional("median_days_to_complete", DOUBLE, "median days from setting to completing a goal"))
            .column(required("overdue", LONG, "open goals past their target date"))
            .column(required("people", LONG, "distinct mentors and mentees of the program's matches"))
            .primaryKey("program_id")
            .build();

    public static final TableContract MART_SURVEY_RESULTS = TableContract.builder(
                    "mart_survey_results", Layer.MARTS,
                    "One row per program, survey type, construct and respondent role.")
            .column(required("program_id", STRING, "program"))
            .column(required("survey_type", STRING, "baseline, pulse, midpoint or end_of_program"))
            .column(required("construct", STRING, "construct measured"))
            .column(required("role", STRING, "mentor or mentee"))
            .column(required("respondents", LONG, "people who answered"))
            .column(optional("response_rate", DOUBLE, "respondents / people matched in the program in that role"))
            .column(required("answers", LONG, "item answers"))
            .column(optional("mean", DOUBLE, "mean of the respondents' construct scores (mean of their items)"))
            .column(optional("mean_lower", DOUBLE, "95% Student t lower bound"))
            .column(optional("mean_upper", DOUBLE, "95% Student t upper bound"))
            .column(optional("nps", DOUBLE, "Net Promoter Score, for 0-10 items"))
            .column(optional("nps_lower", DOUBLE, "95% lower bound"))
            .column(optional("nps_upper", DOUBLE, "95% upper bound"))
            .column(optional("cronbach_alpha", DOUBLE, "internal consistency of a multi-item construct (complete answers only)"))
            .column(required("people", LONG, "respondents behind the row"))
            .primaryKey("program_id", "survey_type", "construct", "role")
            .build();

    public static final TableContract MART_SURVEY_DISTRIBUTION = TableContract.builder(
                    "mart_survey_distribution", Layer.MARTS,
                    "One row per program, survey type, construct, role and score value.")
            .column(required("program_id", STRING, "program"))
            .column(required("survey_type", STRING, "survey type"))
            .column(required("construct", STRING, "construct"))
            .column(required("role", STRING, "mentor or mentee"))
            .column(required("score", INT, "score value"))
            .column(required("answers", LONG, "item answers with this score"))
            .column(required("people", LONG, "respondents of the group"))
            .primaryKey("program_id", "survey_type", "construct", "role", "score")
            .build();

    public static final TableContract MART_SURVEY_CHANGE = TableContract.builder(
                    "mart_survey_change", Layer.MARTS,
                    "One row per program (or ALL) and construct: mentees' change from baseline to end of program.")
            .column(required("program_id", STRING, "program"))
            .column(required("construct", STRING, "construct"))
            .column(required("pairs", LONG, "mentees who answered both surveys"))
            .column(optional("mean_change", DOUBLE, "mean of end minus baseline construct scores"))
            .column(optional("change_lower", DOUBLE, "95% t lower bound"))
            .column(optional("change_upper", DOUBLE, "95% t upper bound"))
            .column(optional("t", DOUBLE, "paired t statistic"))
            .column(optional("p", DOUBLE, "two-sided p-value"))
            .column(optional("effect_size", DOUBLE, "Cohen's d_z"))
            .column(required("people", LONG, "mentees behind the row"))
            .primaryKey("program_id", "construct")
            .build();

    public static final TableContract MART_TURNOVER_MONTHLY = TableContract.builder(
                    "mart_turnover_monthly", Layer.MARTS,
                    "One row per calendar month and group (all, participants, non-participants): SHRM turnover.")
            .column(required("month", DATE, "first day of the month"))
            .column(requiredEnum("group_name", "who is counted; participants are people who took part before the month",
                    "all", "participants", "non_participants"))
            .column(required("headcount_start", LONG, "employed on the month's first day"))
            .column(required("headcount_end", LONG, "employed on the month's last day"))
            .column(required("average_headcount", DOUBLE, "(start + end) / 2"))
            .column(required("voluntary_exits", LONG, "voluntary separations in the month"))
            .column(required("involuntary_exits", LONG, "involuntary separations in the month"))
            .column(optional("voluntary_rate", DOUBLE, "voluntary exits / average headcount x 100"))
            .column(optional("involuntary_rate", DOUBLE, "involuntary exits / average headcount x 100"))
            .column(optional("annualized_voluntary_rate", DOUBLE, "sum of the last 12 monthly voluntary rates"))
            .column(optional("annualized_total_rate", DOUBLE, "sum of the last 12 monthly total rates"))
            .column(required("people", LONG, "headcount at the month's start"))
            .primaryKey("month", "group_name")
            .build();

    public static final TableContract MART_GOALS_QUARTERLY = TableContract.builder(
                    "mart_goals_quarterly", Layer.MARTS,
                    "One row per program (or ALL) per calendar quarter: goals set and completed by the quarter's end.")
            .column(required("program_id", STRING, "program, or ALL for every program together"))
            .column(required("program_name", STRING, "program name, or All programs"))
            .column(required("quarter", STRING, "calendar quarter, e.g. 2026-Q3"))
            .column(required("goals_set", LONG, "goals set by the quarter's end"))
            .column(required("goals_completed", LONG, "of those, goals completed by the quarter's end"))
            .column(optional("completion_rate", DOUBLE, "goals_completed / goals_set"))
            .column(required("set_in_quarter", LONG, "goals set during the quarter"))
            .column(required("completed_in_quarter", LONG, "goals completed during the quarter"))
            .column(required("people", LONG, "distinct mentors and mentees of matches with a goal set by the quarter's end"))
            .primaryKey("program_id", "quarter")
            .invariant("goals_completed <= goals_set")
            .build();

    public static final TableContract MART_SURVEY_QUARTERLY = TableContract.builder(
                    "mart_survey_quarterly", Layer.MARTS,
                    "One row per program (or ALL), calendar quarter of submission, construct and respondent role.")
            .column(required("program_id", STRING, "program, or ALL for every program together"))
            .column(required("quarter", STRING, "calendar quarter of submission, e.g. 2026-Q3"))
            .column(required("construct", STRING, "construct measured"))
            .column(required("role", STRING, "mentor or mentee"))
            .column(required("respondents", LONG, "people who answered in the quarter"))
            .column(optional("mean", DOUBLE, "mean of the responses' construct scores"))
            .column(optional("mean_lower", DOUBLE, "95% Student t lower bound"))
            .column(optional("mean_upper", DOUBLE, "95% Student t upper bound"))
            .column(optional("nps", DOUBLE, "Net Promoter Score, for 0-10 items"))
            .column(optional("nps_lower", DOUBLE, "95% lower bound"))
            .column(optional("nps_upper", DOUBLE, "95% upper bound"))
            .column(required("people", LONG, "respondents behind the row"))
            .primaryKey("program_id", "quarter", "construct", "role")
            .build();

    public static final TableContract MART_SOURCE_FRESHNESS = TableContract.builder(
                    "mart_source_freshness", Layer.MARTS,
                    "One row per landing source: what ingest has loaded and how recent its latest record is.")
            .column(required("source", STRING, "landing source"))
            .column(required("files_loaded", LONG, "file versions loaded"))
            .column(required("files_rejected", LONG, "file versions rejected whole"))
            .column(required("rows_read", LONG, "data rows read over all loaded file versions"))
            .column(required("rows_written", LONG, "rows written to staging"))
            .column(required("rows_rejected", LONG, "rows quarantined"))
            .column(optional("last_loaded_at", TIMESTAMP, "when a file of the source was last loaded"))
            .column(optional("latest_record_date", DATE, "latest event date in the source's staging table"))
            .column(optional("days_behind", INT, "days from latest_record_date to the as-of date"))
            .column(required("files_removed", LONG, "files loaded once and later removed from the landing folder (their rows stay)"))
            .column(required("rows_retired", LONG, "rows retired because a new snapshot of the source no longer held them"))
            .primaryKey("source")
            .invariant("rows_written + rows_rejected = rows_read")
            .build();

    public static final TableContract MART_INGEST_REJECTS = TableContract.builder(
                    "mart_ingest_rejects", Layer.MARTS,
                    "One row per landing source, field and reject reason over every ingest run.")
            .column(required("source", STRING, "landing source"))
            .column(required("field", STRING, "landing field at fault"))
            .column(required("reason", STRING, "kind of fault; unknown_reference on a person field is an unmatched identifier"))
            .column(required("rows", LONG, "rows rejected"))
            .column(required("files", LONG, "files with such rows"))
            .primaryKey("source", "field", "reason")
            .build();

    public static final TableContract MART_SESSION_SOURCES = TableContract.builder(
                    "mart_session_sources", Layer.MARTS,
                    "One row per origin of sessions: hand-logged landing files or a tool's exports.")
            .column(requiredEnum("source", "where the sessions come from", "landing", "zoom", "teams", "slack"))
            .column(required("sessions", LONG, "sessions counted from this origin"))
            .column(required("merged_duplicates", LONG, "hand-logged sessions dropped as the same meeting or chat day as one of these"))
            .primaryKey("source")
            .build();

    private static final List<TableContract> ALL = List.of(
            STG_EMPLOYEES, STG_JOB_CHANGES, STG_PROGRAMS, STG_ENROLLMENTS, STG_MATCHES, STG_GOALS,
            STG_SESSIONS, STG_SURVEY_QUESTIONS, STG_SURVEY_RESPONSES,
            STG_INGEST_FILES, STG_INGEST_REJECTS, STG_INGEST_RUNS, STG_INGEST_CHANGES, RESTRICTED_SURVEY_COMMENTS,
            INT_OUTCOME_COHORT,
            MART_PROGRAM_ENGAGEMENT_MONTHLY, MART_RETENTION_12M, MART_RETENTION_OUTCOME, MART_RETENTION_SURVIVAL, MART_RETENTION_AT_RISK,
            MART_MATCHING_BALANCE, MART_MATCH_ENGAGEMENT_MONTHLY, MART_ENGAGEMENT_ROLLUP, MART_MATCH_HEALTH,
            MART_PARTICIPATION_QUARTERLY, MART_PARTICIPATION_EQUITY, MART_GOALS, MART_SURVEY_RESULTS, MART_SURVEY_DISTRIBUTION, MART_SURVEY_CHANGE,
            MART_TURNOVER_MONTHLY, MART_GOALS_QUARTERLY, MART_SURVEY_QUARTERLY, MART_SOURCE_FRESHNESS, MART_INGEST_REJECTS,
            MART_SESSION_SOURCES);

    /** Column of the safe layer saying a row's values are hidden. */
    public static final String SUPPRESSED = "suppressed";

    /**
     * The safe-layer contract of a mart: the same name, key and columns, every column but the key
     * nullable (hidden values are null), and {@code suppressed}.
     */
    public static TableContract safe(TableContract mart) {
        if (mart.layer() != Layer.MARTS) {
            throw new IllegalArgumentException(mart.name() + " is not a mart");
        }
        TableContract.Builder b = TableContract.builder(mart.name(), Layer.SAFE, mart.grain()
                + " Values from fewer than the suppression threshold of people are null.");
        for (Column c : mart.columns()) {
            b.column(mart.primaryKey().contains(c.name()) ? c
                    : new Column(c.name(), c.type(), true, c.description(), c.acceptedValues()));
        }
        b.column(Column.required(SUPPRESSED, BOOLEAN, "true when the row's values are hidden: fewer people behind it "
                + "than the threshold, or hidden so that a suppressed row cannot be recovered by subtraction"));
        return b.primaryKey(mart.primaryKey().toArray(String[]::new)).build();
    }

    /** Every table, staging first. */
    public static List<TableContract> all() {
        return ALL;
    }

    public static Optional<TableContract> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
