package com.luckify.report;

/**
 * Cells of every CSV Luckify writes, safe to open in a spreadsheet (OWASP "CSV injection"): text that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return would be run as a formula by Excel, LibreOffice
 * or Google Sheets (a lottery named {@code =HYPERLINK(...)} becomes a link that sends the sheet away), so it gets a
 * leading single quote, which the spreadsheet shows as text. Numbers the product itself writes (a count, points of
 * {@code -5}) are not text anyone typed and stay numbers: only {@link #number} skips the quote, and only for values
 * that are numbers in the report, never for user text that looks like one.
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    /** A text cell: neutralised, then quoted as RFC 4180 requires (always quoted when it was neutralised). */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            return quoted("'" + value);
        }
        return needsQuotes(value) ? quoted(value) : value;
    }

    /** A cell holding a number the product computed, formatted already (e.g. {@code -5} or {@code 1,234}). */
    public static String number(String formatted) {
        if (formatted == null || formatted.isEmpty()) {
            return "";
        }
        return needsQuotes(formatted) ? quoted(formatted) : formatted;
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private static String quoted(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
