package org.mentoringanalytics.reports;

import java.util.List;
import org.mentoringanalytics.contracts.Tables;

/**
 * Every mart the quarterly report reads, as typed records built by column name from the
 * contracts ({@link MartRecords}), all from one published generation. Read once per report:
 * {@link Disclosure} decides on these rows before any section is built from them.
 */
record ReportMarts(
        List<QuarterlyFigures.EngagementRow> engagement,
        List<QuarterlyFigures.RetentionRow> retention12m,
        List<QuarterlyFigures.OutcomeRow> outcomes,
        List<QuarterlyFigures.SurvivalRow> survival,
        List<RetentionSection.AtRiskRow> atRisk,
        List<ParticipationSection.ParticipationRow> participation,
        List<EquitySection.EquityRow> equity,
        List<EngagementSection.RollupRow> rollup,
        List<EngagementSection.HealthRow> health,
        List<GoalsSection.GoalsQuarterRow> goalsQuarterly,
        List<GoalsSection.GoalsRow> goals,
        List<SurveySection.SurveyQuarterRow> surveyQuarterly,
        List<SurveySection.DistributionRow> surveyDistribution,
        List<SurveySection.ChangeRow> surveyChange,
        List<DataQualitySection.FreshnessRow> freshness,
        List<DataQualitySection.RejectRow> rejects,
        List<DataQualitySection.OriginRow> sessionSources) {

    static ReportMarts read(MartReader marts) {
        return new ReportMarts(
                MartRecords.of(marts.read(Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY), Tables.MART_PROGRAM_ENGAGEMENT_MONTHLY,
                        QuarterlyFigures.EngagementRow.class),
                MartRecords.of(marts.read(Tables.MART_RETENTION_12M), Tables.MART_RETENTION_12M,
                        QuarterlyFigures.RetentionRow.class),
                MartRecords.of(marts.read(Tables.MART_RETENTION_OUTCOME), Tables.MART_RETENTION_OUTCOME,
                        QuarterlyFigures.OutcomeRow.class),
                MartRecords.of(marts.read(Tables.MART_RETENTION_SURVIVAL), Tables.MART_RETENTION_SURVIVAL,
                        QuarterlyFigures.SurvivalRow.class),
                MartRecords.of(marts.read(Tables.MART_RETENTION_AT_RISK), Tables.MART_RETENTION_AT_RISK,
                        RetentionSection.AtRiskRow.class),
                MartRecords.of(marts.read(Tables.MART_PARTICIPATION_QUARTERLY), Tables.MART_PARTICIPATION_QUARTERLY,
                        ParticipationSection.ParticipationRow.class),
                MartRecords.of(marts.read(Tables.MART_PARTICIPATION_EQUITY), Tables.MART_PARTICIPATION_EQUITY,
                        EquitySection.EquityRow.class),
                MartRecords.of(marts.read(Tables.MART_ENGAGEMENT_ROLLUP), Tables.MART_ENGAGEMENT_ROLLUP,
                        EngagementSection.RollupRow.class),
                MartRecords.of(marts.read(Tables.MART_MATCH_HEALTH), Tables.MART_MATCH_HEALTH,
                        EngagementSection.HealthRow.class),
                MartRecords.of(marts.read(Tables.MART_GOALS_QUARTERLY), Tables.MART_GOALS_QUARTERLY,
                        GoalsSection.GoalsQuarterRow.class),
                MartRecords.of(marts.read(Tables.MART_GOALS), Tables.MART_GOALS, GoalsSection.GoalsRow.class),
                MartRecords.of(marts.read(Tables.MART_SURVEY_QUARTERLY), Tables.MART_SURVEY_QUARTERLY,
                        SurveySection.SurveyQuarterRow.class),
                MartRecords.of(marts.read(Tables.MART_SURVEY_DISTRIBUTION), Tables.MART_SURVEY_DISTRIBUTION,
                        SurveySection.DistributionRow.class),
                MartRecords.of(marts.read(Tables.MART_SURVEY_CHANGE), Tables.MART_SURVEY_CHANGE,
                        SurveySection.ChangeRow.class),
                MartRecords.of(marts.read(Tables.MART_SOURCE_FRESHNESS), Tables.MART_SOURCE_FRESHNESS,
                        DataQualitySection.FreshnessRow.class),
                MartRecords.of(marts.read(Tables.MART_INGEST_REJECTS), Tables.MART_INGEST_REJECTS,
                        DataQualitySection.RejectRow.class),
                MartRecords.of(marts.read(Tables.MART_SESSION_SOURCES), Tables.MART_SESSION_SOURCES,
                        DataQualitySection.OriginRow.class));
    }

    /** Program names by id, from engagement, then participation, then match health. */
    java.util.Map<String, String> programNames() {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        engagement.forEach(r -> names.putIfAbsent(r.programId(), r.programName()));
        participation.forEach(r -> names.putIfAbsent(r.programId(), r.programName()));
        health.forEach(r -> names.putIfAbsent(r.programId(), r.programName()));
        names.remove(Disclosure.ALL);
        return names;
    }
}
