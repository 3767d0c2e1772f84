package org.mentoringanalytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mentoringanalytics.contracts.Layer;
import org.mentoringanalytics.contracts.TableContract;
import org.mentoringanalytics.contracts.Tables;

class TableGroupsTest {

    @Test
    void everyMartAndIntermediateTableBelongsToExactlyOneGroupThatNamesKnownSources() {
        List<TableContract> grouped = new ArrayList<>();
        List<String> sources = List.of("*", "programs", "enrollments", "matches", "employees", "job_changes", "goals",
                "sessions", "survey_responses", "survey_questions");
        for (MetricsJob.Group group : MetricsJob.Group.values()) {
            grouped.addAll(group.tables());
            assertThat(sources).as(group.name()).containsAll(group.sources());
        }
        List<TableContract> computed = Tables.all().stream()
                .filter(t -> t.layer() == Layer.MARTS || t.layer() == Layer.INTERMEDIATE).toList();
        assertThat(grouped).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(computed);
    }
}
