package org.mentoringanalytics.app;

import java.util.List;
import java.util.Map;

/**
 * Where mail goes, from the configuration file only (whoever owns the file decides who receives
 * reports); the SMTP password from the environment ({@code MENTORING_MAIL_PASSWORD}), never from a file.
 * Without {@code mail.host} nothing is sent.
 *
 * <pre>
 * mail.host=smtp.example.com
 * mail.port=587                      # default 587
 * mail.starttls=true                 # default true: the connection must be upgraded to TLS
 * mail.user=reports@example.com      # optional; password in MENTORING_MAIL_PASSWORD
 * mail.from=mentoring-analytics@example.com
 * mail.report-to=hr-leadership@example.com, people-analytics@example.com
 * mail.alert-to=data-team@example.com   # default: mail.report-to
 * mail.stale-after-days=7            # alert when a source is further behind the as-of date
 * mail.stale-sources=sessions, survey_responses   # the default: the sources that should move daily
 * </pre>
 */
record MailSettings(String host, int port, boolean starttls, String user, String password, String from,
                    List<String> reportTo, List<String> alertTo, Integer staleAfterDays, List<String> staleSources) {

    /** Reference data (programs, employees) changes rarely: only event sources are watched unless told. */
    static final List<String> DEFAULT_STALE_SOURCES = List.of("sessions", "survey_responses");

    static final String PASSWORD_VARIABLE = "MENTORING_MAIL_PASSWORD";

    /** The settings, or null when mail is not configured. */
    static MailSettings of(Settings settings, Map<String, String> environment) {
        String host = settings.fileOnly("mail.host");
        if (host == null || host.isEmpty()) {
            return null;
        }
        List<String> reportTo = list(settings.fileOnly("mail.report-to"));
        List<String> alertTo = list(settings.fileOnly("mail.alert-to"));
        String from = settings.fileOnly("mail.from");
        if (from == null || from.isEmpty()) {
            throw new UsageError("mail.host is set but mail.from is not: set the sender address in " + settings.location());
        }
        if (reportTo.isEmpty() && alertTo.isEmpty()) {
            throw new UsageError("mail.host is set but neither mail.report-to nor mail.alert-to: set who receives mail in "
                    + settings.location());
        }
        String user = settings.fileOnly("mail.user");
        String password = environment.get(PASSWORD_VARIABLE);
        if (user != null && !user.isEmpty() && (password == null || password.isEmpty())) {
            throw new UsageError("mail.user is set but " + PASSWORD_VARIABLE + " is empty: set the SMTP password in the environment");
        }
        return new MailSettings(host, integer(settings, "mail.port", 587), !"false".equalsIgnoreCase(settings.fileOnly("mail.starttls")),
                user == null || user.isEmpty() ? null : user, password, from, reportTo,
                alertTo.isEmpty() ? reportTo : alertTo,
                settings.fileOnly("mail.stale-after-days") == null ? null : integer(settings, "mail.stale-after-days", 0),
                list(settings.fileOnly("mail.stale-sources")).isEmpty() ? DEFAULT_STALE_SOURCES
                        : list(settings.fileOnly("mail.stale-sources")));
    }

    private static int integer(Settings settings, String key, int fallback) {
        String value = settings.fileOnly(key);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageError("invalid " + key + " '" + value + "' in " + settings.location() + ": use a whole number, 0 or more");
        }
    }

    private static List<String> list(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
