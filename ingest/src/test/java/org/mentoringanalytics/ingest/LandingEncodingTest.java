package org.mentoringanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.Tables;

/** A folder's encoding set in landing.properties: its files are read as that, the other folders as UTF-8. */
class LandingEncodingTest {

    @TempDir
    Path dir;

    @Test
    void aFolderInWindows1252IsReadAsSuchAndTheOthersStayUtf8() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Files.writeString(landing.resolve("landing.properties"), "encoding.hr=windows-1252\n");
        // Windows-1252 writes ö as 0xF6 and the en dash as 0x96 (not Latin-1's control character).
        String employees = Files.readString(landing.resolve("hr/employees.csv"))
                .replace("Berlin", "K\u00f6ln").replace("Sales", "Sales \u2013 EMEA");
        Files.write(landing.resolve("hr/employees.csv"), employees.getBytes(Charset.forName("windows-1252")));
        // A sessions file with the same bytes is still UTF-8 to its folder: that row alone is rejected.
        Files.write(landing.resolve("sessions/sessions-late.csv"),
                ("session_id,match_id,started_at,duration_minutes,channel,mode,logged_by\n"
                        + "S90,M1,2025-03-02T10:00:00Z,30,video,sync,E\u00f6\n").getBytes(StandardCharsets.ISO_8859_1));

        IngestResult result = IngestRun.run(landing, dir.resolve("warehouse"));

        assertThat(result.rejectedWhole()).isEmpty();
        assertThat(IngestRun.rejects(result, "employees")).isEmpty();
        assertThat(IngestRun.read(dir.resolve("warehouse"), Tables.STG_EMPLOYEES))
                .extracting(r -> r.get("location") + "/" + r.get("department"))
                .contains("K\u00f6ln/Engineering", "New York/Sales \u2013 EMEA");
        assertThat(IngestRun.rejects(result, "sessions")).extracting(r -> r.get("line") + " " + r.get("field") + " " + r.get("reason"))
                .containsExactly("2 logged_by bad_encoding");
    }

    @Test
    void anEncodingJavaDoesNotKnowIsRefusedBeforeAnyRunNamingTheSetting() throws Exception {
        Path landing = LandingFixture.write(dir.resolve("landing"));
        Files.writeString(landing.resolve("landing.properties"), "encoding.sessions=latin-9000\n");

        assertThatThrownBy(() -> IngestRun.run(landing, dir.resolve("warehouse")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("landing.properties: encoding.sessions 'latin-9000' is not an encoding this Java "
                + "knows; use a name such as UTF-8, windows-1252 or ISO-8859-15");
    }
}
