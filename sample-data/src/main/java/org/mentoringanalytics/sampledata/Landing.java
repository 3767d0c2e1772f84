package org.mentoringanalytics.sampledata;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Rows of the landing format (see docs/landing-format.md), as the generator produces them. */
final class Landing {

    private Landing() {
    }

    static final class Employee {
        final String id;
        final String email;
        final LocalDate hireDate;
        final String department;
        final String location;
        String level;
        final String managerId;
        final String gender;
        final String ethnicity;
        final int birthYear;
        LocalDate terminationDate;
        String terminationType;
        LocalDate firstMenteeMatch;
        /** Type of the program of the first match as a mentee: it sets the size of the mentee effect. */
        String firstMenteeProgramType;
        LocalDate firstMentorMatch;

        Employee(String id, String email, LocalDate hireDate, String department, String location, String level,
                 String managerId, String gender, String ethnicity, int birthYear) {
            this.id = id;
            this.email = email;
            this.hireDate = hireDate;
            this.department = department;
            this.location = location;
            this.level = level;
            this.managerId = managerId;
            this.gender = gender;
            this.ethnicity = ethnicity;
            this.birthYear = birthYear;
        }

        boolean employedOn(LocalDate day) {
            return !hireDate.isAfter(day) && (terminationDate == null || terminationDate.isAfter(day));
        }

        int levelNumber() {
            return Integer.parseInt(level.substring(1));
        }
    }

    record JobChange(String employeeId, LocalDate effectiveDate, String changeType, String fromLevel, String toLevel) {
    }

    record Program(String id, String name, String type, String format, LocalDate startDate, LocalDate endDate) {
    }

    record Enrollment(String programId, String employeeId, String role, OffsetDateTime enrolledAt) {
    }

    static final class Match {
        final String id;
        final String programId;
        final String mentorId;
        final String menteeId;
        final OffsetDateTime matchedAt;
        final double engagement;
        OffsetDateTime endedAt;
        String endReason;

        Match(String id, String programId, String mentorId, String menteeId, OffsetDateTime matchedAt, double engagement) {
            this.id = id;
            this.programId = programId;
            this.mentorId = mentorId;
            this.menteeId = menteeId;
            this.matchedAt = matchedAt;
            this.engagement = engagement;
        }
    }

    record Goal(String id, String matchId, OffsetDateTime createdAt, String category, LocalDate targetDate,
                String status, OffsetDateTime completedAt) {
    }

    record Session(String id, String matchId, OffsetDateTime startedAt, int durationMinutes, String channel,
                   String mode, String loggedBy) {
    }

    record Question(String id, String surveyType, String construct, int scaleMin, int scaleMax, String text) {
    }

    record Response(String responseId, String surveyId, String surveyType, String programId, String employeeId,
                    String role, OffsetDateTime submittedAt, String questionId, Integer score, String comment) {
    }
}
