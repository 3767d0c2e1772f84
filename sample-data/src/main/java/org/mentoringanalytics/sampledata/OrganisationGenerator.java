package org.mentoringanalytics.sampledata;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded generative model of an organisation running mentoring programs.
 *
 * <p>The model, month by month over the history: employees are hired into a department, location
 * and level; each month every employee may leave voluntarily (hazard by department and level),
 * leave involuntarily (flat hazard) or be promoted. Programs take a quarterly intake of mentees
 * and mentors chosen with non-random propensities (see {@link GroundTruth}), so volunteers differ
 * from everyone else. A mentee's voluntary-exit hazard is multiplied by
 * {@link GroundTruth#menteeExitHazardRatio} of the first match's program type from the first
 * match on (career mentoring works best, peer circles not at all); a mentor's by
 * {@link GroundTruth#MENTOR_EXIT_HAZARD_RATIO}. Each match has a latent engagement in [0, 1]
 * that drives session cadence (decaying over the match), goal completion and satisfaction
 * scores. All randomness flows from one {@link SplittableRandom} consumed in a fixed order, so the
 * same configuration gives the same organisation.
 */
public final class OrganisationGenerator {

    static final String[] DEPARTMENTS = {"Engineering", "Sales", "Customer Success", "Marketing", "Operations", "Finance", "People"};
    private static final double[] DEPARTMENT_WEIGHT = {0.30, 0.20, 0.15, 0.10, 0.12, 0.07, 0.06};
    static final String[] LOCATIONS = {"London", "Berlin", "New York", "Singapore", "Remote"};
    private static final double[] LOCATION_WEIGHT = {0.30, 0.20, 0.25, 0.10, 0.15};
    private static final ZoneOffset[] LOCATION_OFFSET = {ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHours(-5),
            ZoneOffset.ofHours(8), ZoneOffset.UTC};
    private static final double[] LEVEL_WEIGHT = {0.30, 0.28, 0.20, 0.12, 0.07, 0.03};
    private static final String[] GENDERS = {"woman", "man", "non-binary", ""};
    private static final double[] GENDER_WEIGHT = {0.45, 0.50, 0.02, 0.03};
    private static final String[] ETHNICITIES = {"Asian", "Black", "Hispanic or Latino", "White", "Two or more", ""};
    private static final double[] ETHNICITY_WEIGHT = {0.14, 0.09, 0.10, 0.52, 0.05, 0.10};
    private static final String[] FIRST = {"Ada", "Ben", "Chloe", "Dev", "Ema", "Farah", "Gus", "Hana", "Ivan", "Jia",
            "Kofi", "Lena", "Mo", "Nia", "Omar", "Pia", "Quinn", "Rui", "Sara", "Tom", "Uma", "Vik", "Wen", "Yara", "Zoe"};
    private static final String[] LAST = {"Adams", "Barros", "Chen", "Dube", "Evans", "Fischer", "Garcia", "Haddad",
            "Ito", "Jensen", "Khan", "Lopez", "Mensah", "Novak", "Okafor", "Patel", "Rossi", "Silva", "Tanaka", "Weber"};
    private static final String[] GOAL_CATEGORIES = {"skill", "career", "network", "leadership", "wellbeing"};
    private static final String[] COMMENTS = {"Really helpful conversations.", "Hard to find time this month.",
            "My mentor shared great contacts.", "Would like more structure.", "Changed how I plan my career."};

    private final GeneratorConfig config;
    private final SessionSink sessions;
    private final SplittableRandom rnd;
    /** Employees by department and level, for picking managers without scanning everyone. */
    private final java.util.Map<String, List<Landing.Employee>> byDepartmentLevel = new java.util.HashMap<>();
    private final GeneratedOrganisation org = new GeneratedOrganisation();
    private int employeeSeq;
    private int matchSeq;
    private int sessionSeq;
    private int goalSeq;
    private int responseSeq;

    /** Receives sessions as they are generated, so volumes beyond memory can be written. */
    @FunctionalInterface
    interface SessionSink {
        void accept(Landing.Session session) throws java.io.IOException;
    }

    public OrganisationGenerator(GeneratorConfig config, SessionSink sessions) {
        this.config = config;
        this.sessions = sessions;
        this.rnd = new SplittableRandom(config.seed());
    }

    /** Runs the model over the whole history and returns every landing row but the sessions, which go to the sink. */
    public GeneratedOrganisation generate() throws java.io.IOException {
        LocalDate start = config.historyStart();
        LocalDate asOf = config.asOf();
        for (int i = 0; i < config.initialHeadcount(); i++) {
            LocalDate hire = start.minusDays(1 + rnd.nextInt(365 * 12));
            hire(hire);
        }
        createPrograms(start, asOf);
        org.questions.addAll(Surveys.QUESTIONS);
        for (LocalDate month = start; !month.isAfter(asOf); month = month.plusMonths(1)) {
            int hires = poisson(config.initialHeadcount() * 0.012);
            for (int i = 0; i < hires; i++) {
                LocalDate hire = month.plusDays(rnd.nextInt(month.lengthOfMonth()));
                if (!hire.isAfter(asOf)) {
                    hire(hire);
                }
            }
            for (Landing.Program program : org.programs) {
                if (isIntakeMonth(program, month)) {
                    intake(program, month);
                }
            }
            simulateExitsAndPromotions(month);
        }
        for (Landing.Match match : org.matches) {
            finishMatch(match);
        }
        Set<String> groupsSeen = new HashSet<>();
        for (Landing.Match match : org.matches) {
            // A group match's sessions are generated once, with its first mentee.
            sessionsAndGoals(match, groupsSeen.add(match.id));
        }
        new Surveys(rnd, org, asOf, () -> "R" + String.format("%06d", ++responseSeq), COMMENTS).survey();
        return org;
    }

    private void hire(LocalDate hireDate) {
        String id = String.format("E%05d", ++employeeSeq);
        String department = pick(DEPARTMENTS, DEPARTMENT_WEIGHT);
        int levelIndex = pickIndex(LEVEL_WEIGHT);
        String location = pick(LOCATIONS, LOCATION_WEIGHT);
        String manager = chooseManager(department, levelIndex + 1, hireDate);
        String first = FIRST[rnd.nextInt(FIRST.length)];
        String last = LAST[rnd.nextInt(LAST.length)];
        String email = (first + "." + last + "." + id.substring(1)).toLowerCase() + "@example.com";
        int birthYear = hireDate.getYear() - 22 - levelIndex * 4 - rnd.nextInt(10);
        Landing.Employee employee = new Landing.Employee(id, email, hireDate, department, location, "L" + (levelIndex + 1),
                manager, pick(GENDERS, GENDER_WEIGHT), pick(ETHNICITIES, ETHNICITY_WEIGHT), birthYear);
        org.employees.add(employee);
        byDepartmentLevel.computeIfAbsent(department + "/" + employee.levelNumber(), k -> new ArrayList<>()).add(employee);
    }

    /** A random employee of the department at a higher level, employed on the day; a few tries, else none. */
    private String chooseManager(String department, int level, LocalDate day) {
        List<List<Landing.Employee>> higher = new ArrayList<>();
        int total = 0;
        for (int l = level + 1; l <= LEVEL_WEIGHT.length; l++) {
            List<Landing.Employee> at = byDepartmentLevel.getOrDefault(department + "/" + l, List.of());
            higher.add(at);
            total += at.size();
        }
        for (int attempt = 0; attempt < 8 && total > 0; attempt++) {
            int pick = rnd.nextInt(total);
            for (List<Landing.Employee> at : higher) {
                if (pick < at.size()) {
                    Landing.Employee candidate = at.get(pick);
                    if (candidate.employedOn(day)) {
                        return candidate.id;
                    }
                    break;
                }
                pick -= at.size();
            }
        }
        return null;
    }

    private void createPrograms(LocalDate start, LocalDate asOf) {
        String[][] specs = {
                {"P01", "New Starter Buddies", "onboarding", "one_to_one", "0"},
                {"P02", "Career Compass", "career", "one_to_one", "3"},
                {"P03", "Future Leaders", "succession", "one_to_one", "9"},
                {"P04", "Reverse Mentoring: Digital", "reverse", "one_to_one", "15"},
                {"P05", "Peer Circles", "peer", "one_to_one", "21"},
                {"P06", "Women in Tech Circles", "diversity_group", "group", "12"},
        };
        for (String[] s : specs) {
            LocalDate programStart = start.plusMonths(Integer.parseInt(s[4]));
            // Future Leaders was a fixed-term program; the others are still running.
            LocalDate end = s[0].equals("P03") ? programStart.plusMonths(30).minusDays(1) : null;
            if (end != null && end.isAfter(asOf)) {
                end = null;
            }
            org.programs.add(new Landing.Program(s[0], s[1], s[2], s[3], programStart, end));
        }
    }

    private static boolean isIntakeMonth(Landing.Program p, LocalDate month) {
        boolean running = !month.isBefore(p.startDate()) && (p.endDate() == null || month.isBefore(p.endDate().minusMonths(6)));
        long monthsIn = ChronoUnit.MONTHS.between(p.startDate(), month);
        return running && monthsIn % 3 == 0;
    }

    private void intake(Landing.Program program, LocalDate month) {
        int base = switch (program.type()) {
            case "onboarding" -> 9;
            case "career" -> 8;
            case "succession" -> 4;
            case "reverse" -> 3;
            case "peer" -> 5;
            default -> 10;
        };
        int mentees = Math.max(2, poisson(base * config.intakeScale()));
        LocalDate day = month.plusDays(rnd.nextInt(7));
        Set<String> taken = new HashSet<>();
        List<Landing.Employee> menteePool = pool(program, day, "mentee");
        List<Landing.Employee> chosenMentees = sampleWeighted(menteePool, mentees, program, "mentee", taken);
        if (chosenMentees.isEmpty()) {
            return;
        }
        boolean group = program.format().equals("group");
        int mentorsNeeded = group ? Math.max(1, (chosenMentees.size() + 3) / 4) : chosenMentees.size();
        List<Landing.Employee> chosenMentors = sampleWeighted(pool(program, day, "mentor"), mentorsNeeded, program, "mentor", taken);
        if (chosenMentors.isEmpty()) {
            return;
        }
        for (Landing.Employee e : chosenMentees) {
            enroll(program, e, "mentee", day);
        }
        for (Landing.Employee e : chosenMentors) {
            enroll(program, e, "mentor", day);
        }
        // Some mentees are never matched: the program runs out of suitable mentors.
        int mentorIndex = 0;
        String groupMatchId = null;
        int inGroup = 0;
        for (Landing.Employee mentee : chosenMentees) {
            if (rnd.nextDouble() < GroundTruth.UNMATCHED_SHARE) {
                continue;
            }
            LocalDate matchDay = day.plusDays(5 + rnd.nextInt(35));
            if (matchDay.isAfter(config.asOf()) || !mentee.employedOn(matchDay)) {
                continue;
            }
            Landing.Employee mentor;
            String matchId;
            double engagement;
            if (group) {
                if (groupMatchId == null || inGroup >= 4) {
                    groupMatchId = String.format("M%05d", ++matchSeq);
                    inGroup = 0;
                    mentorIndex++;
                }
                mentor = chosenMentors.get((mentorIndex - 1) % chosenMentors.size());
                matchId = groupMatchId;
                inGroup++;
            } else {
                mentor = chosenMentors.get(mentorIndex++ % chosenMentors.size());
                matchId = String.format("M%05d", ++matchSeq);
            }
            if (!mentor.employedOn(matchDay)) {
                continue;
            }
            engagement = (rnd.nextDouble() + rnd.nextDouble() + rnd.nextDouble()) / 3.0;
            OffsetDateTime matchedAt = at(matchDay, 10 + rnd.nextInt(7), mentee);
            org.matches.add(new Landing.Match(matchId, program.id(), mentor.id, mentee.id, matchedAt, engagement));
            if (mentee.firstMenteeMatch == null) {
                mentee.firstMenteeMatch = matchDay;
                mentee.firstMenteeProgramType = program.type();
            }
            if (mentor.firstMentorMatch == null) {
                mentor.firstMentorMatch = matchDay;
            }
        }
    }

    private List<Landing.Employee> pool(Landing.Program program, LocalDate day, String role) {
        List<Landing.Employee> pool = new ArrayList<>();
        for (Landing.Employee e : org.employees) {
            if (!e.employedOn(day)) {
                continue;
            }
            boolean newHire = ChronoUnit.DAYS.between(e.hireDate, day) <= 120;
            if (program.type().equals("onboarding") && role.equals("mentee") != newHire) {
                continue;
            }
            if (program.type().equals("diversity_group") && role.equals("mentee")
                    && !(e.gender.equals("woman") || e.gender.equals("non-binary"))) {
                continue;
            }
            pool.add(e);
        }
        return pool;
    }

    /**
     * Weighted sampling without replacement (Efraimidis and Spirakis 2006): each candidate gets the
     * key u^(1/w) and the n largest keys win. One pass, so intakes stay fast in large organisations.
     */
    private List<Landing.Employee> sampleWeighted(List<Landing.Employee> pool, int n, Landing.Program program,
                                                  String role, Set<String> taken) {
        java.util.PriorityQueue<java.util.Map.Entry<Double, Landing.Employee>> best =
                new java.util.PriorityQueue<>(java.util.Map.Entry.comparingByKey());
        for (Landing.Employee e : pool) {
            double weight = taken.contains(e.id) ? 0 : GroundTruth.propensity(e.department, e.levelNumber(), program.type(), role);
            double u = rnd.nextDouble();
            if (weight <= 0) {
                continue;
            }
            double key = Math.log(u) / weight;
            if (best.size() < n) {
                best.add(java.util.Map.entry(key, e));
            } else if (key > best.peek().getKey()) {
                best.poll();
                best.add(java.util.Map.entry(key, e));
            }
        }
        List<Landing.Employee> chosen = new ArrayList<>();
        best.forEach(entry -> chosen.add(entry.getValue()));
        chosen.forEach(e -> taken.add(e.id));
        chosen.sort(Comparator.comparing(e -> e.id));
        return chosen;
    }

    private void enroll(Landing.Program program, Landing.Employee e, String role, LocalDate day) {
        org.enrollments.add(new Landing.Enrollment(program.id(), e.id, role, at(day, 9 + rnd.nextInt(8), e)));
    }

    private void simulateExitsAndPromotions(LocalDate month) {
        LocalDate monthEnd = month.plusMonths(1).minusDays(1);
        for (Landing.Employee e : org.employees) {
            if (e.terminationDate != null || e.hireDate.isAfter(monthEnd)) {
                continue;
            }
            double hazard = GroundTruth.voluntaryMonthlyHazard(e.department, e.levelNumber());
            if (e.firstMenteeMatch != null && e.firstMenteeMatch.isBefore(month)) {
                hazard *= GroundTruth.menteeExitHazardRatio(e.firstMenteeProgramType);
            }
            if (e.firstMentorMatch != null && e.firstMentorMatch.isBefore(month)) {
                hazard *= GroundTruth.MENTOR_EXIT_HAZARD_RATIO;
            }
            double u = rnd.nextDouble();
            LocalDate exitDay = month.plusDays(rnd.nextInt(month.lengthOfMonth()));
            if (exitDay.isBefore(e.hireDate)) {
                exitDay = e.hireDate;
            }
            if (u < hazard) {
                terminate(e, exitDay, "voluntary");
            } else if (u < hazard + GroundTruth.INVOLUNTARY_MONTHLY_HAZARD) {
                terminate(e, exitDay, "involuntary");
            } else if (e.levelNumber() < 6) {
                double promotion = GroundTruth.PROMOTION_MONTHLY_HAZARD;
                if (e.firstMenteeMatch != null && e.firstMenteeMatch.isBefore(month)) {
                    promotion *= GroundTruth.MENTEE_PROMOTION_RATIO;
                }
                if (rnd.nextDouble() < promotion && !exitDay.isAfter(config.asOf())) {
                    String from = e.level;
                    e.level = "L" + (e.levelNumber() + 1);
                    org.jobChanges.add(new Landing.JobChange(e.id, exitDay, "promotion", from, e.level));
                }
            }
        }
    }

    private void terminate(Landing.Employee e, LocalDate day, String type) {
        if (day.isAfter(config.asOf())) {
            return;
        }
        e.terminationDate = day;
        e.terminationType = type;
    }

    private void finishMatch(Landing.Match match) {
        Landing.Employee mentee = employee(match.menteeId);
        Landing.Employee mentor = employee(match.mentorId);
        LocalDate matched = match.matchedAt.toLocalDate();
        int plannedMonths = 6 + rnd.nextInt(7);
        LocalDate plannedEnd = matched.plusMonths(plannedMonths);
        LocalDate firstExit = earliest(mentee.terminationDate, mentor.terminationDate);
        if (firstExit != null && firstExit.isBefore(plannedEnd)) {
            if (!firstExit.isAfter(config.asOf())) {
                match.endedAt = at(firstExit.isBefore(matched) ? matched : firstExit, 17, mentee);
                match.endReason = "withdrawn";
            }
            return;
        }
        if (plannedEnd.isAfter(config.asOf())) {
            return;
        }
        match.endedAt = at(plannedEnd, 16, mentee);
        // Disengaged pairs tend to withdraw or ask for another mentor.
        double u = rnd.nextDouble();
        match.endReason = u < 0.25 * (1 - match.engagement) ? "withdrawn"
                : u < 0.33 * (1 - match.engagement) ? "rematched" : "completed";
    }

    private void sessionsAndGoals(Landing.Match match, boolean logSessions) throws java.io.IOException {
        Landing.Employee mentee = employee(match.menteeId);
        Landing.Program program = org.programs.stream().filter(p -> p.id().equals(match.programId)).findFirst().orElseThrow();
        LocalDate from = match.matchedAt.toLocalDate();
        LocalDate to = match.endedAt != null ? match.endedAt.toLocalDate() : config.asOf();
        int monthIndex = 0;
        for (LocalDate month = from; month.isBefore(to); month = month.plusMonths(1), monthIndex++) {
            double rate = GroundTruth.sessionsPerMonth(match.engagement, monthIndex) * config.sessionScale();
            int count = logSessions ? poisson(rate) : 0;
            for (int i = 0; i < count; i++) {
                LocalDate day = month.plusDays(rnd.nextInt(30));
                if (!day.isBefore(to) || day.isAfter(config.asOf())) {
                    continue;
                }
                String channel = channel(program.type());
                boolean async = channel.equals("chat") || channel.equals("email");
                int duration = switch (channel) {
                    case "video" -> 25 + rnd.nextInt(40);
                    case "phone" -> 15 + rnd.nextInt(30);
                    case "in_person" -> 40 + rnd.nextInt(50);
                    default -> rnd.nextInt(15);
                };
                String loggedBy = rnd.nextDouble() < 0.6 ? match.menteeId : match.mentorId;
                org.sessionCount++;
                sessions.accept(new Landing.Session(String.format("S%08d", ++sessionSeq), match.id,
                        at(day, 8 + rnd.nextInt(10), mentee).plusMinutes(rnd.nextInt(4) * 15L), duration, channel,
                        async ? "async" : "sync", loggedBy));
            }
        }
        int goals = poisson(1.4);
        for (int g = 0; g < goals; g++) {
            LocalDate created = from.plusDays(3 + rnd.nextInt(30));
            if (created.isAfter(config.asOf()) || !created.isBefore(to.plusDays(1))) {
                continue;
            }
            LocalDate target = created.plusDays(60 + rnd.nextInt(150));
            LocalDate completion = created.plusDays(20 + rnd.nextInt(160));
            String status = "open";
            OffsetDateTime completedAt = null;
            if (!completion.isAfter(config.asOf()) && rnd.nextDouble() < GroundTruth.goalCompletionProbability(match.engagement)) {
                status = "completed";
                completedAt = at(completion, 11, mentee);
            } else if (match.endedAt != null && rnd.nextDouble() < 0.5) {
                status = "abandoned";
            }
            org.goals.add(new Landing.Goal(String.format("G%06d", ++goalSeq), match.id, at(created, 10, mentee),
                    GOAL_CATEGORIES[rnd.nextInt(GOAL_CATEGORIES.length)], target, status, completedAt));
        }
    }

    private String channel(String programType) {
        double[] weights = switch (programType) {
            case "onboarding" -> new double[]{0.35, 0.05, 0.35, 0.05, 0.20};
            case "reverse" -> new double[]{0.55, 0.05, 0.30, 0.05, 0.05};
            case "diversity_group" -> new double[]{0.70, 0.00, 0.20, 0.05, 0.05};
            default -> new double[]{0.50, 0.10, 0.20, 0.10, 0.10};
        };
        return pick(new String[]{"video", "phone", "chat", "email", "in_person"}, weights);
    }

    Landing.Employee employee(String id) {
        return org.employees.get(Integer.parseInt(id.substring(1)) - 1);
    }

    private OffsetDateTime at(LocalDate day, int hour, Landing.Employee person) {
        ZoneOffset offset = LOCATION_OFFSET[indexOf(LOCATIONS, person.location)];
        return OffsetDateTime.of(day, LocalTime.of(hour, 0), offset);
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = rnd.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= rnd.nextDouble();
            k++;
        }
        return k;
    }

    private String pick(String[] values, double[] weights) {
        return values[pickIndex(weights)];
    }

    private int pickIndex(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = rnd.nextDouble() * total;
        for (int i = 0; i < weights.length - 1; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static int indexOf(String[] values, String value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i].equals(value)) {
                return i;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
