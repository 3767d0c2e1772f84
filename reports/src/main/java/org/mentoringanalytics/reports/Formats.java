package org.mentoringanalytics.reports;

import java.util.Locale;

/**
 * How numbers read in the report. One place, so every page agrees. Negative numbers use the
 * minus sign and an interval's words are joined by non-breaking spaces, so a line never breaks
 * inside "95% CI −1.7 to 9.2"; a value that rounds to zero never reads "-0.00".
 */
final class Formats {

    static final String SUPPRESSED = "suppressed";
    /** Non-breaking space. */
    static final String NB = "\u00A0";
    static final String MINUS = "\u2212";

    private Formats() {
    }

    /** A number with the given decimals; rounding to zero drops the sign. */
    static String number(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (text.startsWith("-")) {
            String digits = text.substring(1);
            return digits.matches("[0.]*") ? digits : MINUS + digits;
        }
        return text;
    }

    /** A change or difference: "+1.2", "−1.2", or "0.0" when it rounds to zero. */
    static String signed(double value, int decimals) {
        String text = number(value, decimals);
        return text.startsWith(MINUS) || text.matches("[0.]*") ? text : "+" + text;
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String decimal(Double value) {
        return value == null ? "n/a" : number(value, 2);
    }

    static String percent(Double share) {
        return share == null ? "n/a" : number(share * 100, 1) + "%";
    }

    static String ratio(Double estimate, Double lower, Double upper) {
        if (estimate == null) {
            return "n/a";
        }
        return number(estimate, 2) + NB + "(" + range(lower, upper, 2) + ")";
    }

    /** "1.2 to 3.4" with non-breaking spaces. */
    static String range(double lower, double upper, int decimals) {
        return number(lower, decimals) + NB + "to" + NB + number(upper, decimals);
    }

    static String pointsInterval(Double difference, Double lower, Double upper) {
        if (difference == null) {
            return "n/a";
        }
        if (lower == null || upper == null) {
            return points(difference);
        }
        return points(difference) + NB + "(" + range(lower * 100, upper * 100, 1) + ")";
    }

    static String days(Double days) {
        return days == null ? "n/a" : number(days, 0);
    }

    /** An estimate with its 95% interval, in the given number of decimals. */
    static String interval(Double estimate, Double lower, Double upper, int decimals) {
        if (estimate == null) {
            return "n/a";
        }
        if (lower == null || upper == null) {
            return number(estimate, decimals);
        }
        return number(estimate, decimals) + NB + "(" + range(lower, upper, decimals) + ")";
    }

    static String pValue(Double p) {
        if (p == null) {
            return "n/a";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    /** A construct id as words: skill_confidence reads Skill confidence. */
    static String construct(String id) {
        String words = id.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A difference of shares in percentage points: "+1.9" + NB + "pts". */
    static String points(double difference) {
        return signed(difference * 100, 1) + NB + "pts";
    }

    /** "95% CI 1.2 to 3.4", unbreakable. */
    static String ci(double lower, double upper, int decimals) {
        return "95%" + NB + "CI" + NB + range(lower, upper, decimals);
    }

    /** An amount of money with thousands separators and no decimals, after its currency. */
    static String money(double amount, String currency) {
        String digits = String.format(Locale.ROOT, "%,.0f", Math.abs(amount));
        // Without a currency the amount stands alone: no gap before it or after a minus sign.
        return (amount < 0 && !digits.matches("[0,]*") ? MINUS : "") + (currency.isEmpty() ? "" : currency + NB) + digits;
    }
}
