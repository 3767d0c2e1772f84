package org.mentoringanalytics.sampledata;

import java.util.ArrayList;
import java.util.List;

/** Every landing row of one generated organisation, in generation order. */
public final class GeneratedOrganisation {
    final List<Landing.Employee> employees = new ArrayList<>();
    final List<Landing.JobChange> jobChanges = new ArrayList<>();
    final List<Landing.Program> programs = new ArrayList<>();
    final List<Landing.Enrollment> enrollments = new ArrayList<>();
    final List<Landing.Match> matches = new ArrayList<>();
    final List<Landing.Goal> goals = new ArrayList<>();
    long sessionCount;
    final List<Landing.Question> questions = new ArrayList<>();
    final List<Landing.Response> responses = new ArrayList<>();

    public int employeeCount() {
        return employees.size();
    }

    public int matchRowCount() {
        return matches.size();
    }

    public long sessionCount() {
        return sessionCount;
    }
}
