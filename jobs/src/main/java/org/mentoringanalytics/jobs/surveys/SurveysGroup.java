package org.mentoringanalytics.jobs.surveys;

import java.util.List;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.GroupRun;
import org.mentoringanalytics.jobs.TableGroup;

/** Survey results, answer distributions, baseline-to-end change and quarterly survey figures. */
public final class SurveysGroup implements TableGroup {

    @Override
    public List<String> sources() {
        return List.of("survey_responses", "survey_questions", "matches");
    }

    @Override
    public List<TableContract> tables() {
        return List.of(Tables.MART_SURVEY_RESULTS, Tables.MART_SURVEY_DISTRIBUTION, Tables.MART_SURVEY_CHANGE,
                Tables.MART_SURVEY_QUARTERLY);
    }

    @Override
    public void compute(GroupRun run) {
        SurveyResults.Marts surveys = SurveyResults.compute(run.staging(Tables.STG_SURVEY_RESPONSES),
                run.staging(Tables.STG_SURVEY_QUESTIONS), run.staging(Tables.STG_MATCHES));
        run.publish(surveys.results(), Tables.MART_SURVEY_RESULTS);
        run.publish(surveys.distribution(), Tables.MART_SURVEY_DISTRIBUTION);
        run.publish(surveys.change(), Tables.MART_SURVEY_CHANGE);
        run.publish(surveys.quarterly(), Tables.MART_SURVEY_QUARTERLY);
    }
}
