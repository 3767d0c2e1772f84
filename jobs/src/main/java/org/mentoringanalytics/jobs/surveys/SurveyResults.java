package org.mentoringanalytics.jobs.surveys;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentoringanalytics.contracts.Tables;
import org.mentoringanalytics.jobs.stats.Interval;
import org.mentoringanalytics.jobs.stats.SurveyStatistics;
import org.mentoringanalytics.jobs.ContractRow;
import org.mentoringanalytics.jobs.ProgramCalendar;

/**
 * Survey outcomes per program, survey type, construct and role. A respondent's construct score is
 * the mean of the construct's items they answered (skipped items are left out); means carry a
 * Student t interval; 0-10 items give an NPS with its interval; Cronbach's alpha uses only
 * responses that answered every item of the construct (listwise deletion). The change from
 * baseline to end of program pairs each mentee's latest response of each type, per program
 * and for ALL programs together. Free-text
 * comments are not read.
 */
public final class SurveyResults {

    /** One item answer, joined with its question. */
    record Answer(String programId, String surveyType, String construct, String role, String employeeKey,
                  String responseId, String questionId, Integer score, int scaleMax, long submittedMillis) {
    }

    /** Rows of the four survey marts. */
    public record Marts(List<Row> results, List<Row> distribution, List<Row> change, List<Row> quarterly) {
    }

    private SurveyResults() {
    }

    public static Marts compute(Dataset<Row> responses, Dataset<Row> questions, Dataset<Row> matches) {
        List<Answer> answers = responses.join(questions.select(col("question_id"), col("construct"), col("scale_max")),
                        "question_id")
                .select("program_id", "survey_type", "construct", "role", "employee_key", "response_id", "question_id",
                        "score", "scale_max", "submitted_at")
                .collectAsList().stream()
                .map(r -> new Answer(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), r.isNullAt(7) ? null : r.getInt(7), r.getInt(8),
                        r.getTimestamp(9).getTime()))
                .toList();
        Map<String, Long> matchedPeople = new HashMap<>();
        for (Row r : matches.groupBy("program_id").agg(
                org.apache.spark.sql.functions.countDistinct("mentee_key").as("mentees"),
                org.apache.spark.sql.functions.countDistinct("mentor_key").as("mentors")).collectAsList()) {
            matchedPeople.put(r.getString(0) + "\tmentee", r.getLong(1));
            matchedPeople.put(r.getString(0) + "\tmentor", r.getLong(2));
        }
        return new Marts(results(answers, matchedPeople), distribution(answers), change(answers), quarterly(answers));
    }

    static List<Row> results(List<Answer> answers, Map<String, Long> matchedPeople) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Answer>> group : groupBy(answers).entrySet()) {
            String[] k = group.getKey().split("\t");
            List<Answer> items = group.getValue();
            Map<String, List<Answer>> byResponse = byResponse(items);
            Set<String> respondents = new TreeSet<>();
            items.forEach(a -> respondents.add(a.employeeKey()));
            Interval mean = SurveyStatistics.meanWithTInterval(constructScores(byResponse));
            Interval nps = null;
            if (items.get(0).scaleMax() == 10) {
                nps = SurveyStatistics.nps(items.stream().filter(a -> a.score() != null).mapToInt(Answer::score).toArray());
            }
            Long matched = matchedPeople.get(k[0] + "\t" + k[3]);
            long answered = items.stream().filter(a -> a.score() != null).count();
            rows.add(ContractRow.of(Tables.MART_SURVEY_RESULTS)
                    .set("program_id", k[0]).set("survey_type", k[1]).set("construct", k[2]).set("role", k[3])
                    .set("respondents", (long) respondents.size())
                    .set("response_rate", matched == null || matched == 0 ? null
                            : Math.min(1.0, respondents.size() / (double) matched))
                    .set("answers", answered)
                    .set("mean", finite(mean.estimate())).set("mean_lower", finite(mean.lower()))
                    .set("mean_upper", finite(mean.upper()))
                    .set("nps", nps == null ? null : finite(nps.estimate()))
                    .set("nps_lower", nps == null ? null : finite(nps.lower()))
                    .set("nps_upper", nps == null ? null : finite(nps.upper()))
                    .set("cronbach_alpha", alpha(byResponse))
                    .set("people", (long) respondents.size())
                    .toRow());
        }
        return rows;
    }

    /**
     * Rows of mart_survey_quarterly: per program and for ALL, per quarter of submission, construct
     * and role, the mean construct score with its t interval and, for 0-10 items, the NPS.
     */
    static List<Row> quarterly(List<Answer> answers) {
        Map<String, List<Answer>> groups = new TreeMap<>();
        for (Answer a : answers) {
            String quarter = quarterOf(a.submittedMillis());
            for (String program : List.of(a.programId(), ProgramCalendar.ALL)) {
                groups.computeIfAbsent(program + "\t" + quarter + "\t" + a.construct() + "\t" + a.role(),
                        k -> new ArrayList<>()).add(a);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Answer>> group : groups.entrySet()) {
            String[] k = group.getKey().split("\t");
            List<Answer> items = group.getValue();
            Set<String> respondents = new TreeSet<>();
            items.forEach(a -> respondents.add(a.employeeKey()));
            Interval mean = SurveyStatistics.meanWithTInterval(constructScores(byResponse(items)));
            Interval nps = items.get(0).scaleMax() != 10 ? null
                    : SurveyStatistics.nps(items.stream().filter(a -> a.score() != null).mapToInt(Answer::score).toArray());
            rows.add(ContractRow.of(Tables.MART_SURVEY_QUARTERLY)
                    .set("program_id", k[0]).set("quarter", k[1]).set("construct", k[2]).set("role", k[3])
                    .set("respondents", (long) respondents.size())
                    .set("mean", finite(mean.estimate())).set("mean_lower", finite(mean.lower()))
                    .set("mean_upper", finite(mean.upper()))
                    .set("nps", nps == null ? null : finite(nps.estimate()))
                    .set("nps_lower", nps == null ? null : finite(nps.lower()))
                    .set("nps_upper", nps == null ? null : finite(nps.upper()))
                    .set("people", (long) respondents.size())
                    .toRow());
        }
        return rows;
    }

    static String quarterOf(long epochMillis) {
        java.time.LocalDate day = java.time.Instant.ofEpochMilli(epochMillis).atZone(java.time.ZoneOffset.UTC).toLocalDate();
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    /** Each response's construct score: the mean of the items it answered; responses with none are left out. */
    private static double[] constructScores(Map<String, List<Answer>> byResponse) {
        List<Double> scores = new ArrayList<>();
        for (List<Answer> response : byResponse.values()) {
            double sum = 0;
            int n = 0;
            for (Answer a : response) {
                if (a.score() != null) {
                    sum += a.score();
                    n++;
                }
            }
            if (n > 0) {
                scores.add(sum / n);
            }
        }
        return scores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Cronbach's alpha over responses that answered every item of the construct; null for one item. */
    private static Double alpha(Map<String, List<Answer>> byResponse) {
        Set<String> items = new TreeSet<>();
        byResponse.values().forEach(r -> r.forEach(a -> items.add(a.questionId())));
        if (items.size() < 2) {
            return null;
        }
        List<String> order = new ArrayList<>(items);
        List<double[]> complete = new ArrayList<>();
        for (List<Answer> response : byResponse.values()) {
            double[] row = new double[order.size()];
            int filled = 0;
            for (Answer a : response) {
                if (a.score() != null) {
                    row[order.indexOf(a.questionId())] = a.score();
                    filled++;
                }
            }
            if (filled == order.size()) {
                complete.add(row);
            }
        }
        return finite(SurveyStatistics.cronbachAlpha(complete.toArray(double[][]::new)));
    }

    static List<Row> distribution(List<Answer> answers) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Answer>> group : groupBy(answers).entrySet()) {
            String[] k = group.getKey().split("\t");
            Map<Integer, Long> counts = new TreeMap<>();
            Set<String> respondents = new TreeSet<>();
            for (Answer a : group.getValue()) {
                respondents.add(a.employeeKey());
                if (a.score() != null) {
                    counts.merge(a.score(), 1L, Long::sum);
                }
            }
            counts.forEach((score, n) -> rows.add(ContractRow.of(Tables.MART_SURVEY_DISTRIBUTION)
                    .set("program_id", k[0]).set("survey_type", k[1]).set("construct", k[2]).set("role", k[3])
                    .set("score", score).set("answers", n).set("people", (long) respondents.size()).toRow()));
        }
        return rows;
    }

    static List<Row> change(List<Answer> answers) {
        // program \t construct -> employee -> survey type -> latest construct score
        Map<String, Map<String, Map<String, double[]>>> latest = new TreeMap<>();
        for (Map.Entry<String, List<Answer>> response : byResponse(answers.stream()
                .filter(a -> a.role().equals("mentee") && (a.surveyType().equals("baseline") || a.surveyType().equals("end_of_program")))
                .toList()).entrySet()) {
            Map<String, List<Answer>> byConstruct = new TreeMap<>();
            response.getValue().forEach(a -> byConstruct.computeIfAbsent(a.construct(), c -> new ArrayList<>()).add(a));
            for (List<Answer> items : byConstruct.values()) {
                Answer first = items.get(0);
                double sum = 0;
                int n = 0;
                for (Answer a : items) {
                    if (a.score() != null) {
                        sum += a.score();
                        n++;
                    }
                }
                if (n == 0) {
                    continue;
                }
                double[] scoreAndTime = {sum / n, first.submittedMillis()};
                for (String program : List.of(first.programId(), ProgramCalendar.ALL)) {
                    latest.computeIfAbsent(program + "\t" + first.construct(), x -> new TreeMap<>())
                            .computeIfAbsent(first.employeeKey(), x -> new HashMap<>())
                            .merge(first.surveyType(), scoreAndTime, (old, now) -> now[1] >= old[1] ? now : old);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, Map<String, double[]>>> group : latest.entrySet()) {
            List<Double> before = new ArrayList<>();
            List<Double> after = new ArrayList<>();
            for (Map<String, double[]> person : group.getValue().values()) {
                if (person.containsKey("baseline") && person.containsKey("end_of_program")) {
                    before.add(person.get("baseline")[0]);
                    after.add(person.get("end_of_program")[0]);
                }
            }
            if (before.isEmpty()) {
                continue;
            }
            String[] k = group.getKey().split("\t");
            SurveyStatistics.PairedChange c = SurveyStatistics.pairedChange(
                    before.stream().mapToDouble(Double::doubleValue).toArray(),
                    after.stream().mapToDouble(Double::doubleValue).toArray());
            rows.add(ContractRow.of(Tables.MART_SURVEY_CHANGE)
                    .set("program_id", k[0]).set("construct", k[1]).set("pairs", (long) c.n())
                    .set("mean_change", finite(c.meanChange().estimate()))
                    .set("change_lower", finite(c.meanChange().lower())).set("change_upper", finite(c.meanChange().upper()))
                    .set("t", finite(c.t())).set("p", finite(c.p())).set("effect_size", finite(c.effectSize()))
                    .set("people", (long) c.n())
                    .toRow());
        }
        return rows;
    }

    private static Map<String, List<Answer>> groupBy(List<Answer> answers) {
        Map<String, List<Answer>> groups = new TreeMap<>();
        for (Answer a : answers) {
            groups.computeIfAbsent(a.programId() + "\t" + a.surveyType() + "\t" + a.construct() + "\t" + a.role(),
                    k -> new ArrayList<>()).add(a);
        }
        return groups;
    }

    private static Map<String, List<Answer>> byResponse(List<Answer> answers) {
        Map<String, List<Answer>> responses = new LinkedHashMap<>();
        for (Answer a : answers) {
            responses.computeIfAbsent(a.responseId() + "\t" + a.construct(), k -> new ArrayList<>()).add(a);
        }
        return responses;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
