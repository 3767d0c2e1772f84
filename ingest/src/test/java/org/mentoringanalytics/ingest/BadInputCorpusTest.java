package org.mentoringanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Tables;

/**
 * A corpus of bad input, one kind per file where the landing format allows several files (sessions,
 * survey responses) and one kind per row in the single-file sources. Every bad row must appear in
 * the rejects with its file, line, field and reason; every good row must reach staging.
 */
class BadInputCorpusTest {

    private static final String SESSIONS = "session_id,match_id,started_at,duration_minutes,channel,mode,logged_by\n";

    @TempDir
    static Path dir;
    static IngestResult result;
    static Path warehouse;

    @BeforeAll
    static void ingestTheCorpus() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        // Employees: one kind per row (lines 6 to 15).
        Files.writeString(landing.resolve("hr/employees.csv"), """
                employee_id,email,hire_date,termination_date,termination_type,department,location,job_level,manager_id,gender,ethnicity,birth_year
                E1,ada@example.com,2020-01-06,2025-05-31,voluntary,Engineering,London,L2,E3,woman,,1990
                E2,ben@example.com,2018-03-01,,,Engineering,Berlin,L4,E3,man,White,1984
                E3,cat@example.com,2012-07-15,,,Engineering,London,L6,,woman,Asian,1975
                E4,dev@example.com,2021-02-01,,,Sales,New York,L1,E3,,,
                E5,e5@example.com,2020/01/06,,,Sales,London,L1,,,,
                E6,e6@example.com,2021-02-30,,,Sales,London,L1,,,,
                E7,e7@example.com,2020-01-01,2019-01-01,voluntary,Sales,London,L1,,,,
                E8,e8@example.com,2020-01-01,,voluntary,Sales,London,L1,,,,
                E9,e9@example.com,2027-01-01,,,Sales,London,L1,,,,
                ,nobody@example.com,2020-01-01,,,Sales,London,L1,,,,
                E10,e10@example.com,2020-01-01,,,Sales,London,L1,,,,99999999999
                E11,e11@example.com,2020-01-01,2024-01-01,fired,Sales,London,L1,,,,
                E12,e12@example.com,0001-01-01,,,Sales,London,L1,,,,1980
                E13,e13@example.com,2020-01-01,,,Sales,London,L1,,,,2090
                """);
        // Level changes that contradict their kind (lines 3 to 5); a lateral move keeps its level.
        Files.writeString(landing.resolve("hr/job_changes.csv"), """
                employee_id,effective_date,change_type,from_level,to_level
                E2,2024-04-01,promotion,L3,L4
                E2,2025-04-01,promotion,L4,L4
                E2,2025-05-01,promotion,L4,L3
                E3,2025-06-01,demotion,L5,L6
                E3,2025-07-01,lateral,L6,L6
                """);
        // A completion date goes with status completed, and only with it (lines 3 and 4).
        Files.writeString(landing.resolve("programs/goals.csv"), """
                goal_id,match_id,created_at,category,target_date,status,completed_at
                G1,M1,2025-01-15T10:00:00Z,skill,2025-04-30,completed,2025-04-01T10:00:00Z
                G2,M1,2025-01-15T10:00:00Z,skill,2025-04-30,open,2025-04-01T10:00:00Z
                G3,M1,2025-01-15T10:00:00Z,skill,2025-04-30,completed,
                G4,M1,2025-01-15T10:00:00Z,skill,2025-04-30,abandoned,
                """);
        Files.writeString(landing.resolve("programs/matches.csv"), """
                match_id,program_id,mentor_id,mentee_id,matched_at,ended_at,end_reason
                M1,P1,E2,E1,2025-01-10T10:00:00Z,2025-05-31T17:00:00Z,withdrawn
                M2,P1,E2,E404,2025-01-10T10:00:00Z,,
                M3,P9,E2,E4,2025-01-10T10:00:00Z,,
                M4,P1,E2,E4,2025-03-10T10:00:00Z,2025-02-01T10:00:00Z,completed
                M5,P1,E2,E2,2025-03-10T10:00:00Z,,
                """);
        Files.writeString(landing.resolve("programs/enrollments.csv"), """
                program_id,employee_id,role,enrolled_at
                P1,E1,mentee,2025-01-02T09:00:00Z
                P1,E2,mentor,2025-01-02T09:30:00Z
                P1,E4,observer,2025-01-02T09:30:00Z
                """);
        Path sessions = landing.resolve("sessions");
        Files.writeString(sessions.resolve("s01-enum.csv"), SESSIONS
                + "S10,M1,2026-03-21T10:00:00Z,30,pigeon,sync,E1\nS11,M1,2026-03-21T11:00:00Z,30,video,sync,E1\n");
        Files.writeString(sessions.resolve("s02-type.csv"), SESSIONS + "S12,M1,2026-03-22T10:00:00Z,forty,video,sync,E1\n");
        Files.writeString(sessions.resolve("s03-negative.csv"), SESSIONS + "S13,M1,2026-03-22T10:00:00Z,-5,video,sync,E1\n");
        Files.writeString(sessions.resolve("s04-too-long.csv"), SESSIONS + "S14,M1,2026-03-22T10:00:00Z,1000,video,sync,E1\n");
        Files.writeString(sessions.resolve("s05-future.csv"), SESSIONS + "S15,M1,2026-12-01T10:00:00Z,30,video,sync,E1\n");
        Files.writeString(sessions.resolve("s06-no-offset.csv"), SESSIONS + "S16,M1,2026-03-02T10:00:00,30,video,sync,E1\n");
        Files.writeString(sessions.resolve("s07-unknown-match.csv"), SESSIONS + "S17,M404,2026-03-02T10:00:00Z,30,video,sync,E1\n");
        Files.writeString(sessions.resolve("s08-unknown-logger.csv"), SESSIONS + "S18,M1,2026-03-02T10:00:00Z,30,video,sync,E404\n");
        Files.writeString(sessions.resolve("s09-ragged.csv"), SESSIONS + "S19,M1\n");
        Files.writeString(sessions.resolve("s10-multiline.csv"),
                "session_id,match_id,started_at,duration_minutes,channel,mode,logged_by,note\n"
                        + "S20,M1,2026-03-02T10:00:00Z,30,video,sync,E1,\"first line\nsecond line, with a comma\"\n"
                        + "S21,M1,2026-03-03T10:00:00Z,30,video,sometimes,E1,\n");
        Files.writeString(sessions.resolve("s11-duplicate.csv"), SESSIONS
                + "S30,M1,2026-03-02T10:00:00Z,30,video,sync,E1\nS30,M1,2026-03-02T10:00:00Z,35,video,sync,E1\n");
        Files.write(sessions.resolve("s12-bom-crlf.csv"), ("\uFEFF" + SESSIONS.replace("\n", "\r\n")
                + "S31,M1,2026-03-04T10:00:00Z,30,video,sync,E1\r\nS32,M1,2026-03-05T10:00:00Z,30,phone,sync,E2\r\n")
                .getBytes(StandardCharsets.UTF_8));
        Files.write(sessions.resolve("s13-compressed.csv.gz"), gzip(SESSIONS
                + "S33,M1,2026-03-06T10:00:00Z,30,video,sync,E1\nS34,M1,2026-03-07T10:00:00Z,0,email,async,E2\n"));
        Files.writeString(sessions.resolve("s14-wrong-header.csv"), "session_id,match_id,when,duration_minutes,channel,mode\n"
                + "S35,M1,2026-03-02T10:00:00Z,30,video,sync\n");
        Files.write(sessions.resolve("s15-binary.csv"), new byte[]{'P', 'K', 3, 4, 0, 0, 0, 0, 20, 0, 8, 0});
        // One Latin-1 byte rejects its row; eleven lines of them say the file is in another encoding.
        Files.write(sessions.resolve("s16-latin1.csv"), (SESSIONS + "S36,M1,2026-03-02T10:00:00Z,30,video,sync,Jos\u00e9\n"
                + "S37,M1,2026-03-02T11:00:00Z,30,video,sync,E1\n").getBytes(StandardCharsets.ISO_8859_1));
        Files.write(sessions.resolve("s32-latin1-throughout.csv"), (SESSIONS
                + "S70,M1,2026-03-02T10:00:00Z,30,video,sync,Jos\u00e9\n".repeat(11)).getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(sessions.resolve("s17-empty.csv"), "");
        Files.writeString(sessions.resolve("s18-unclosed-quote.csv"), SESSIONS
                + "S40,M1,2026-03-08T10:00:00Z,30,video,sync,E1\nS41,M1,\"2026-03-09T10:00:00Z,30,video,sync,E1\n");
        // An unquoted comma in a value: one field too many, so every later field would shift.
        Files.writeString(sessions.resolve("s19-shifted.csv"), SESSIONS
                + "S50,M1,2026-03-10T10:00:00Z,30,video,sync,E1\nS51,M1,2026-03-10T11:00:00Z,30,video,sync,E1,extra\n");
        // Blank and whitespace-only lines: skipped and counted; line numbers stay physical.
        Files.writeString(sessions.resolve("s20-blank-lines.csv"), SESSIONS + "\nS52,M1,2026-03-11T10:00:00Z,30,video,sync,E1\n\n"
                + "   \n\nS53,M1,2026-03-11T11:00:00Z,30,pigeon,sync,E1\nS54,M1,2026-03-11T12:00:00Z,30,video,sync,E1\n");
        Files.writeString(sessions.resolve("s21-crlf-blank.csv"), SESSIONS.replace("\n", "\r\n")
                + "\r\n\r\nS55,M1,2026-03-12T10:00:00Z,30,video,sync,E1\r\nS56,M1,2026-03-12T11:00:00Z,30,pigeon,sync,E1\r\n");
        Files.writeString(sessions.resolve("s22-cr-only.csv"), SESSIONS.replace("\n", "\r")
                + "S57,M1,2026-03-13T10:00:00Z,30,video,sync,E1\r\rS58,M1,2026-03-13T11:00:00Z,30,pigeon,sync,E1\r");
        // A row far longer than any export writes: rejected without being held, the rows around it load.
        Files.writeString(sessions.resolve("s23-too-long.csv"), SESSIONS + "S59,M1,2026-03-14T10:00:00Z,30,video,sync,E1\n"
                + "S60,M1,2026-03-14T11:00:00Z,30,video,sync,\"" + "x\n".repeat(600_000) + "\"\n"
                + "S61,M1,2026-03-14T12:00:00Z,30,video,sync,E1\n");
        Files.write(sessions.resolve("s30-utf16.csv"), ("\uFEFF" + SESSIONS).getBytes(StandardCharsets.UTF_16LE));
        Files.write(sessions.resolve("s31-gzip-named-csv.csv"), gzip(SESSIONS + "S65,M1,2026-03-15T10:00:00Z,30,video,sync,E1\n"));
        // Entries no source reads: each is listed with why; a capitalised extension is read.
        Files.writeString(sessions.resolve("S24-UPPER.CSV"), SESSIONS + "S62,M1,2026-03-15T10:00:00Z,30,video,sync,E1\n");
        Files.writeString(sessions.resolve("notes.txt"), "not data");
        Files.createDirectories(sessions.resolve("old"));
        Files.writeString(sessions.resolve("old/s25-archived.csv"), SESSIONS + "S63,M1,2026-03-15T10:00:00Z,30,video,sync,E1\n");
        Files.write(sessions.resolve("s26-bundle.zip"), new byte[]{'P', 'K', 5, 6});
        Path outside = Files.writeString(dir.resolve("outside.csv"), SESSIONS + "S64,M1,2026-03-15T10:00:00Z,30,video,sync,E1\n");
        Files.createSymbolicLink(sessions.resolve("s27-outside-link.csv"), outside);
        Files.createSymbolicLink(sessions.resolve("s28-dangling.csv"), dir.resolve("nothing-here.csv"));
        Files.createDirectories(sessions.resolve("s29-folder.csv"));
        // The folder's own files are not data and not listed.
        Files.writeString(landing.resolve("ground-truth.properties"), "planted=1\n");
        Files.writeString(landing.resolve("README.txt"), "what this folder is");
        Files.writeString(landing.resolve("surveys/questions.csv"), """
                question_id,survey_type,construct,scale_min,scale_max,text
                SAT1,mentoring,satisfaction,1,5,"I am satisfied, overall."
                REC1,mentoring,recommend,0,10,How likely are you to recommend it?
                BAD1,mentoring,recommend,5,1,Reversed scale
                """);
        Files.writeString(landing.resolve("surveys/responses-bad.csv"), """
                response_id,survey_id,survey_type,program_id,employee_id,role,submitted_at,question_id,score,comment
                R2,P1-pulse,pulse,P1,E1,mentee,2025-02-10T12:00:00Z,SAT1,7,
                R2,P1-pulse,pulse,P1,E1,mentee,2025-02-10T12:00:00Z,Q404,3,
                R2,P1-pulse,pulse,P1,E1,mentee,2025-02-10T12:00:00Z,REC1,10,
                R3,P1-pulse,weekly,P1,E1,mentee,2025-02-10T12:00:00Z,REC1,9,
                """);
        warehouse = dir.resolve("warehouse");
        result = IngestRun.run(landing, warehouse);
    }

    private record Expected(String file, long line, String field, String reason) {
    }

    @Test
    void everyBadRowIsQuarantinedWithItsFileLineFieldAndReason() throws Exception {
        List<Expected> expected = List.of(
                new Expected("hr/employees.csv", 6, "hire_date", "bad_type"),
                new Expected("hr/employees.csv", 7, "hire_date", "bad_type"),
                new Expected("hr/employees.csv", 8, "termination_date", "inconsistent"),
                new Expected("hr/employees.csv", 9, "termination_date", "inconsistent"),
                new Expected("hr/employees.csv", 10, "hire_date", "after_as_of"),
                new Expected("hr/employees.csv", 11, "employee_id", "missing"),
                new Expected("hr/employees.csv", 12, "birth_year", "bad_type"),
                new Expected("hr/employees.csv", 13, "termination_type", "not_accepted"),
                new Expected("hr/employees.csv", 14, "hire_date", "out_of_range"),
                new Expected("hr/employees.csv", 15, "birth_year", "out_of_range"),
                new Expected("hr/job_changes.csv", 3, "to_level", "inconsistent"),
                new Expected("hr/job_changes.csv", 4, "to_level", "inconsistent"),
                new Expected("hr/job_changes.csv", 5, "to_level", "inconsistent"),
                new Expected("programs/goals.csv", 3, "completed_at", "inconsistent"),
                new Expected("programs/goals.csv", 4, "completed_at", "inconsistent"),
                new Expected("programs/matches.csv", 3, "mentee_id", "unknown_reference"),
                new Expected("programs/matches.csv", 4, "program_id", "unknown_reference"),
                new Expected("programs/matches.csv", 5, "ended_at", "inconsistent"),
                new Expected("programs/matches.csv", 6, "mentee_id", "inconsistent"),
                new Expected("programs/enrollments.csv", 4, "role", "not_accepted"),
                new Expected("sessions/s01-enum.csv", 2, "channel", "not_accepted"),
                new Expected("sessions/s02-type.csv", 2, "duration_minutes", "bad_type"),
                new Expected("sessions/s03-negative.csv", 2, "duration_minutes", "out_of_range"),
                new Expected("sessions/s04-too-long.csv", 2, "duration_minutes", "out_of_range"),
                new Expected("sessions/s05-future.csv", 2, "started_at", "after_as_of"),
                new Expected("sessions/s06-no-offset.csv", 2, "started_at", "bad_type"),
                new Expected("sessions/s07-unknown-match.csv", 2, "match_id", "unknown_reference"),
                new Expected("sessions/s08-unknown-logger.csv", 2, "logged_by", "unknown_reference"),
                new Expected("sessions/s09-ragged.csv", 2, "(row)", "field_count"),
                new Expected("sessions/s19-shifted.csv", 3, "(row)", "field_count"),
                new Expected("sessions/s20-blank-lines.csv", 7, "channel", "not_accepted"),
                new Expected("sessions/s21-crlf-blank.csv", 5, "channel", "not_accepted"),
                new Expected("sessions/s22-cr-only.csv", 4, "channel", "not_accepted"),
                new Expected("sessions/s23-too-long.csv", 3, "(row)", "too_long"),
                new Expected("sessions/s16-latin1.csv", 2, "logged_by", "bad_encoding"),
                new Expected("sessions/s10-multiline.csv", 4, "mode", "not_accepted"),
                new Expected("sessions/s11-duplicate.csv", 2, "session_id", "duplicate_key"),
                new Expected("sessions/s18-unclosed-quote.csv", 3, "(row)", "bad_type"),
                new Expected("surveys/questions.csv", 4, "scale_max", "inconsistent"),
                new Expected("surveys/responses-bad.csv", 2, "score", "out_of_range"),
                new Expected("surveys/responses-bad.csv", 3, "question_id", "unknown_reference"),
                new Expected("surveys/responses-bad.csv", 5, "survey_type", "not_accepted"));

        List<Expected> actual = new ArrayList<>();
        for (LandingSource source : LandingSources.ALL) {
            for (CSVRecord r : IngestRun.rejects(result, source.name())) {
                actual.add(new Expected(r.get("file"), Long.parseLong(r.get("line")), r.get("field"), r.get("reason")));
                assertThat(r.get("message")).as(r.toString()).isNotBlank();
            }
        }
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void anUndecodableByteRejectsItsRowNamingTheByteAndItsOffset() throws Exception {
        CSVRecord latin1 = IngestRun.rejects(result, "sessions").stream()
                .filter(r -> r.get("file").equals("sessions/s16-latin1.csv")).findFirst().orElseThrow();
        assertThat(latin1.get("message")).isEqualTo("byte 0xE9 at byte 116 (line 2) is not UTF-8; the file looks like "
                + "Latin-1 or Windows-1252: the row is skipped; save the file as UTF-8 or set its folder's encoding in landing.properties");
        assertThat(latin1.get("original")).endsWith("sync,Jos\uFFFD");
        assertThat(IngestRun.file(result, "sessions/s16-latin1.csv").message())
                .startsWith("1 line(s) hold bytes that are not UTF-8: their rows are rejected as bad_encoding; ");
    }

    @Test
    void rejectsNameTheValueAndKeepTheOriginalRow() throws Exception {
        CSVRecord pigeon = IngestRun.rejects(result, "sessions").stream()
                .filter(r -> r.get("file").equals("sessions/s01-enum.csv")).findFirst().orElseThrow();
        assertThat(pigeon.get("message")).isEqualTo("'pigeon' is not one of [video, phone, chat, email, in_person]");
        assertThat(pigeon.get("original")).isEqualTo("S10,M1,2026-03-21T10:00:00Z,30,pigeon,sync,E1");
        CSVRecord duplicate = IngestRun.rejects(result, "sessions").stream()
                .filter(r -> r.get("reason").equals("duplicate_key")).findFirst().orElseThrow();
        assertThat(duplicate.get("message")).contains("sessions/s11-duplicate.csv line 3");
        List<CSVRecord> rows = new ArrayList<>();
        for (String source : List.of("employees", "job_changes", "goals")) {
            rows.addAll(IngestRun.rejects(result, source));
        }
        java.util.function.Function<String, String> message = field -> rows.stream()
                .filter(r -> r.get("field").equals(field) && !r.get("reason").equals("bad_type")
                        && !r.get("reason").equals("after_as_of")).map(r -> r.get("message")).findFirst().orElseThrow();
        assertThat(message.apply("birth_year")).isEqualTo("2090 is after 2012: an employee born then would be under 14 on "
                + "the as-of date 2026-09-30");
        assertThat(message.apply("hire_date")).startsWith("0001-01-01 is before 1900-01-01: a placeholder");
        assertThat(message.apply("to_level")).isEqualTo("a promotion from L4 to L4 keeps the level");
        assertThat(message.apply("completed_at")).isEqualTo("completed_at is set but status is open: set status to completed "
                + "or leave completed_at empty");
    }

    @Test
    void filesThatCannotBeReadAreRejectedWholeAndTheRunGoesOn() throws Exception {
        assertThat(result.outcome()).isEqualTo(IngestResult.Outcome.COMPLETED);
        assertThat(result.rejectedWhole()).extracting(IngestResult.FileOutcome::file).containsExactlyInAnyOrder(
                "sessions/s14-wrong-header.csv", "sessions/s15-binary.csv", "sessions/s32-latin1-throughout.csv",
                "sessions/s17-empty.csv", "sessions/s30-utf16.csv", "sessions/s31-gzip-named-csv.csv");
        assertThat(IngestRun.file(result, "sessions/s14-wrong-header.csv").message())
                .contains("lacks required columns [started_at]");
        assertThat(IngestRun.file(result, "sessions/s32-latin1-throughout.csv").message()).isEqualTo("the file is not UTF-8 text: "
                + "11 lines hold bytes that are not UTF-8, the first byte 0xE9 at byte 116 (line 2) is not UTF-8; the file looks "
                + "like Latin-1 or Windows-1252; save it as UTF-8, or set encoding.sessions=windows-1252 (or its real encoding) "
                + "in landing.properties");
        assertThat(IngestRun.file(result, "sessions/s30-utf16.csv").message()).contains("it is UTF-16");
        assertThat(IngestRun.file(result, "sessions/s31-gzip-named-csv.csv").message())
                .contains("gzip-compressed but its name does not end in .gz; rename it to s31-gzip-named-csv.csv.gz");
        assertThat(Files.readString(result.rejectsFolder().resolve("rejected-files.csv"))).contains("s15-binary.csv");
        assertThat(IngestRun.file(result, "sessions/s10-multiline.csv").message()).contains("ignored unknown columns [note]");
    }

    @Test
    void aRowWithAFieldTooManyIsRejectedWholeInsteadOfShiftedAndBlankLinesAreCounted() throws Exception {
        CSVRecord shifted = IngestRun.rejects(result, "sessions").stream()
                .filter(r -> r.get("file").equals("sessions/s19-shifted.csv")).findFirst().orElseThrow();
        assertThat(shifted.get("message")).startsWith("the row has 8 fields, the header 7");
        assertThat(shifted.get("original")).isEqualTo("S51,M1,2026-03-10T11:00:00Z,30,video,sync,E1,extra");
        assertThat(IngestRun.file(result, "sessions/s20-blank-lines.csv").message()).contains("4 blank lines skipped");
        assertThat(IngestRun.file(result, "sessions/s20-blank-lines.csv").read()).isEqualTo(3);
        CSVRecord tooLong = IngestRun.rejects(result, "sessions").stream()
                .filter(r -> r.get("reason").equals("too_long")).findFirst().orElseThrow();
        assertThat(tooLong.get("message")).isEqualTo("the row is longer than 1,000,000 characters (lines 3 to 600003); it is skipped");
    }

    @Test
    void everyEntryNoSourceReadsIsListedWithWhyAndNoLinkLeavesTheLandingFolder() {
        assertThat(result.files()).filteredOn(f -> f.status().equals("ignored"))
                .extracting(f -> f.file() + ": " + f.message()).containsExactlyInAnyOrder(
                        "sessions/notes.txt: its name matches no source of sessions/",
                        "sessions/old/s25-archived.csv: in a folder no source reads (sessions/old/)",
                        "sessions/s26-bundle.zip: an archive: unpack it into its folder to have it read",
                        "sessions/s27-outside-link.csv: a link to outside the landing folder: refused",
                        "sessions/s28-dangling.csv: a link to nothing",
                        "sessions/s29-folder.csv: a folder named like a file: nothing in it is read",
                        "README.txt: a file at the top of the landing folder: files go into a source's folder");
        assertThat(IngestRun.file(result, "sessions/S24-UPPER.CSV").status()).isEqualTo("loaded");
    }

    @Test
    void everyGoodRowReachesStaging() throws Exception {
        assertThat(IngestRun.read(warehouse, Tables.STG_EMPLOYEES)).hasSize(4);
        assertThat(IngestRun.read(warehouse, Tables.STG_JOB_CHANGES)).hasSize(2);
        assertThat(IngestRun.read(warehouse, Tables.STG_GOALS)).extracting(r -> r.get("goal_id").toString())
                .containsExactlyInAnyOrder("G1", "G4");
        assertThat(IngestRun.read(warehouse, Tables.STG_MATCHES)).hasSize(1);
        assertThat(IngestRun.read(warehouse, Tables.STG_ENROLLMENTS)).hasSize(2);
        assertThat(IngestRun.read(warehouse, Tables.STG_SURVEY_QUESTIONS)).hasSize(2);
        assertThat(IngestRun.read(warehouse, Tables.STG_SESSIONS)).extracting(r -> r.get("session_id").toString())
                .containsExactlyInAnyOrder("S1", "S2", "S11", "S20", "S30", "S31", "S32", "S33", "S34", "S40", "S50", "S52",
                        "S54", "S55", "S57", "S59", "S61", "S62", "S37");
        assertThat(IngestRun.read(warehouse, Tables.STG_SESSIONS)).filteredOn(r -> r.get("session_id").toString().equals("S30"))
                .extracting(r -> r.get("duration_minutes")).containsExactly(35);
        assertThat(IngestRun.read(warehouse, Tables.STG_SURVEY_RESPONSES)).extracting(r -> r.get("response_id") + "/" + r.get("question_id"))
                .containsExactlyInAnyOrder("R1/SAT1", "R2/REC1");
        assertThat(IngestRun.read(warehouse, Tables.STG_INGEST_REJECTS)).isNotEmpty();
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
