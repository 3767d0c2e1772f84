package org.mentoringanalytics.sampledata;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Survey waves of the generated programs: a baseline at matching, a pulse 30 days in, and an
 * end-of-program survey for completed matches. About 70% of people answer. Satisfaction rises with
 * the match's engagement and skill confidence rises from baseline to end (both planted, see
 * {@link GroundTruth}).
 */
final class Surveys {

    static final List<Landing.Question> QUESTIONS = List.of(
            new Landing.Question("SAT1", "mentoring", "satisfaction", 1, 5, "I am satisfied with my mentoring relationship."),
            new Landing.Question("SAT2", "mentoring", "satisfaction", 1, 5, "Our conversations are worth the time."),
            new Landing.Question("SAT3", "mentoring", "satisfaction", 1, 5, "My mentoring partner is a good fit for me."),
            new Landing.Question("SKL1", "mentoring", "skill_confidence", 1, 5, "I am confident in the skills my role needs."),
            new Landing.Question("SKL2", "mentoring", "skill_confidence", 1, 5, "I know how to develop the skills I lack."),
            new Landing.Question("SKL3", "mentoring", "skill_confidence", 1, 5, "I can take on a bigger scope of work."),
            new Landing.Question("BEL1", "mentoring", "belonging", 1, 5, "I feel I belong at this company."),
            new Landing.Question("BEL2", "mentoring", "belonging", 1, 5, "I have people here I can ask for advice."),
            new Landing.Question("REC1", "mentoring", "recommend", 0, 10, "How likely are you to recommend this program to a colleague?"));

    private static final List<String> BASELINE = List.of("SKL1", "SKL2", "SKL3", "BEL1", "BEL2");
    private static final List<String> PULSE = List.of("SAT1", "SAT2", "SAT3", "REC1");
    private static final List<String> END = List.of("SAT1", "SAT2", "SAT3", "SKL1", "SKL2", "SKL3", "BEL1", "BEL2", "REC1");

    private final SplittableRandom rnd;
    private final GeneratedOrganisation org;
    private final LocalDate asOf;
    private final Supplier<String> responseIds;
    private final String[] comments;

    Surveys(SplittableRandom rnd, GeneratedOrganisation org, LocalDate asOf, Supplier<String> responseIds, String[] comments) {
        this.rnd = rnd;
        this.org = org;
        this.asOf = asOf;
        this.responseIds = responseIds;
        this.comments = comments;
    }

    void survey() {
        for (Landing.Match match : org.matches) {
            LocalDate matched = match.matchedAt.toLocalDate();
            double personBase = rnd.nextGaussian() * 0.4;
            respond(match, match.menteeId, "mentee", "baseline", matched.plusDays(2), BASELINE, personBase, 0);
            respond(match, match.menteeId, "mentee", "pulse", matched.plusDays(30), PULSE, personBase, 0);
            respond(match, match.mentorId, "mentor", "pulse", matched.plusDays(31), PULSE, rnd.nextGaussian() * 0.4, 0);
            if ("completed".equals(match.endReason)) {
                respond(match, match.menteeId, "mentee", "end_of_program", match.endedAt.toLocalDate().plusDays(3),
                        END, personBase, GroundTruth.SKILL_CONFIDENCE_GAIN);
            }
        }
    }

    private void respond(Landing.Match match, String employeeId, String role, String type, LocalDate day,
                         List<String> questionIds, double personBase, double skillGain) {
        if (day.isAfter(asOf) || rnd.nextDouble() > 0.7) {
            return;
        }
        String responseId = responseIds.get();
        String surveyId = match.programId + "-" + type + "-" + day.getYear() + "Q" + ((day.getMonthValue() - 1) / 3 + 1);
        OffsetDateTime submitted = OffsetDateTime.of(day, LocalTime.of(13, 0), match.matchedAt.getOffset());
        String comment = rnd.nextDouble() < 0.15 ? comments[rnd.nextInt(comments.length)] : "";
        boolean first = true;
        for (String questionId : questionIds) {
            Landing.Question q = QUESTIONS.stream().filter(x -> x.id().equals(questionId)).findFirst().orElseThrow();
            double latent = switch (q.construct()) {
                case "satisfaction" -> 3.0 + GroundTruth.SATISFACTION_PER_ENGAGEMENT * (match.engagement - 0.5) + personBase;
                case "skill_confidence" -> 3.0 + skillGain + personBase;
                case "belonging" -> 3.4 + personBase;
                default -> 6.8 + 5.0 * (match.engagement - 0.5) + personBase * 2;
            };
            double noise = rnd.nextGaussian() * (q.scaleMax() > 5 ? 1.4 : 0.6);
            Integer score = rnd.nextDouble() < 0.02 ? null
                    : (int) Math.max(q.scaleMin(), Math.min(q.scaleMax(), Math.round(latent + noise)));
            org.responses.add(new Landing.Response(responseId, surveyId, type, match.programId, employeeId, role,
                    submitted, questionId, score, first ? comment : ""));
            first = false;
        }
    }
}
