package org.mentoringanalytics.contracts;

import java.util.regex.Pattern;

/**
 * CSV cells that are safe to open in a spreadsheet (OWASP's CSV-injection rule): text beginning
 * with {@code = + - @}, a tab or a carriage return is prefixed with a single quote, so Excel,
 * LibreOffice and Google Sheets show it as text instead of running it as a formula. Numbers such
 * as {@code -2.7} stay numbers. Every CSV the product writes passes its text cells through here.
 */
public final class SpreadsheetSafe {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private SpreadsheetSafe() {
    }

    public static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && !NUMBER.matcher(text).matches() ? "'" + text : text;
    }

    /** A value of any type: only text is changed. */
    public static Object cell(Object value) {
        return value instanceof String s ? cell(s) : value;
    }
}
