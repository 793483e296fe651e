package com.luckify.report;

/** The rows the templates read; a record component's name is the template's field name. */
final class ReportLines {

    private ReportLines() {
    }

    record PrizeLine(String sponsorName, String lotteryName, Integer prizeLevel, String prizeName, String prizeType,
            Long offered, Long issued, Long claimed, Long unclaimed, Long expired, Long remaining) {
    }

    record FindingLine(String kind, String subject, String expected, String actual, Integer repaired, String note) {
    }

    record PointsLine(String section, String item, Long granted, Long spent, Long balance) {
    }
}
