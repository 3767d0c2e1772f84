package org.mentoringanalytics.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mentoringanalytics.contracts.TableManifest;

/**
 * Mail after a refresh, received by a real SMTP server (GreenMail) on loopback: the new report
 * with its PDF and workbook, nothing when nothing changed, an alert for a stale source, and an
 * alert naming the damaged file when the refresh fails.
 */
class DeliveryTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @AfterEach
    void forgetSettings() {
        System.clearProperty("mentoring.config");
    }

    private static void configure(Path dir, String... more) throws Exception {
        List<String> lines = new ArrayList<>(List.of("mail.host=127.0.0.1", "mail.port=" + ServerSetupTest.SMTP.getPort(),
                "mail.starttls=false", "mail.from=mentoring-analytics@example.com",
                "mail.report-to=hr-leadership@example.com, people-analytics@example.com",
                "mail.alert-to=data-team@example.com"));
        lines.addAll(Arrays.asList(more));
        Path file = dir.resolve("mentoring-analytics.properties");
        Files.write(file, lines);
        System.setProperty("mentoring.config", file.toString());
    }

    private static String[] refresh(PipelineFixture f) {
        return new String[]{"refresh", "--landing", f.landing.toString(), "--warehouse", f.warehouse.toString(),
                "--reports", f.reports.toString(), "--key-file", f.key.toString(), "--master", "local[2]"};
    }

    private static List<String> attachments(MimeMessage message) throws Exception {
        List<String> names = new ArrayList<>();
        Multipart parts = (Multipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                names.add(parts.getBodyPart(i).getFileName());
            }
        }
        return names;
    }

    @Test
    void aNewReportIsMailedToItsReadersAndAStaleSourceToTheDataTeam(@TempDir Path dir) throws Exception {
        PipelineFixture f = PipelineFixture.get().copyTo(dir.resolve("copy"));
        // The report is gone: the refresh builds it again, and mails it.
        PipelineFixture.deleteTree(f.reports);
        configure(dir, "mail.stale-after-days=30", "mail.stale-sources=programs");
        CommandLineTest.Captured first = CommandLineTest.capture(() -> Main.execute(refresh(f)));
        assertThat(first.exit()).as(first.err()).isZero();
        MimeMessage[] received = smtp.getReceivedMessages();
        MimeMessage report = Arrays.stream(received).filter(m -> subject(m).startsWith("Mentoring programs")).findFirst().orElseThrow();
        assertThat(subject(report)).isEqualTo("Mentoring programs: quarterly report 2026-Q2");
        assertThat(Arrays.stream(report.getAllRecipients()).map(Object::toString))
                .containsExactlyInAnyOrder("hr-leadership@example.com", "people-analytics@example.com");
        assertThat(attachments(report)).containsExactly("mentoring-2026-Q2.pdf", "mentoring-2026-Q2.xlsx");
        Multipart parts = (Multipart) report.getContent();
        byte[] pdf = parts.getBodyPart(1).getInputStream().readAllBytes();
        assertThat(pdf).isEqualTo(Files.readAllBytes(f.reports.resolve("mentoring-2026-Q2.pdf")));
        // The body opens with the report's headline and findings, as the executive summary prints them.
        String body = (String) parts.getBodyPart(0).getContent();
        String pdfText;
        try (var document = org.apache.pdfbox.Loader.loadPDF(f.reports.resolve("mentoring-2026-Q2.pdf").toFile())) {
            pdfText = new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("[\\s\u00A0]+", "");
        }
        String headline = body.lines().findFirst().orElseThrow();
        assertThat(headline).isNotBlank();
        assertThat(pdfText).contains(headline.replaceAll("[\\s\u00A0]+", ""));
        assertThat(body).contains("\n- Across all programs").contains("Values from fewer than 5 people are suppressed");
        // Programs' latest record is a start date years back: far more than 30 days behind.
        MimeMessage stale = Arrays.stream(received).filter(m -> subject(m).contains("behind")).findFirst().orElseThrow();
        assertThat(subject(stale)).isEqualTo("mentoring-analytics: 1 source(s) more than 30 days behind");
        assertThat(stale.getAllRecipients()[0].toString()).isEqualTo("data-team@example.com");
        assertThat(GreenMailUtil.getBody(stale)).contains("programs: latest record");
        assertThat(first.err()).contains("note: report mailed to hr-leadership@example.com, people-analytics@example.com");
        // Report mail to two readers, one alert: three deliveries.
        assertThat(received).hasSize(3);

        // Nothing new: no report mail, and sessions are not behind by 30 days: nothing at all.
        configure(dir, "mail.stale-after-days=30", "mail.stale-sources=sessions");
        CommandLineTest.Captured second = CommandLineTest.capture(() -> Main.execute(refresh(f)));
        assertThat(second.exit()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aFailedRefreshAlertsTheDataTeamWithTheReasonAndWhatToDo(@TempDir Path dir) throws Exception {
        PipelineFixture f = PipelineFixture.get().copyTo(dir.resolve("copy"));
        Path sessions = f.warehouse.resolve("staging").resolve("stg_sessions");
        TableManifest.Part deleted = TableManifest.readLocal(sessions).parts().get(0);
        Files.delete(sessions.resolve(deleted.file()));
        configure(dir);
        CommandLineTest.Captured refresh = CommandLineTest.capture(() -> Main.execute(refresh(f)));
        assertThat(refresh.exit()).isEqualTo(ExitCodes.DAMAGED);
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(subject(received[0])).isEqualTo("mentoring-analytics: refresh failed (exit 5)");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("data-team@example.com");
        assertThat(GreenMailUtil.getBody(received[0])).contains(deleted.file()).contains("mentoring-analytics verify");
    }

    @Test
    void aMisconfiguredMailIsABadUsageBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("bad.properties"), List.of("mail.host=127.0.0.1", "mail.report-to=a@example.com"));
        System.setProperty("mentoring.config", dir.resolve("bad.properties").toString());
        CommandLineTest.Captured refresh = CommandLineTest.capture(() -> Main.execute("refresh", "--landing",
                dir.resolve("landing").toString(), "--warehouse", dir.resolve("wh").toString()));
        assertThat(refresh.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(refresh.err()).contains("mail.from is not");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
