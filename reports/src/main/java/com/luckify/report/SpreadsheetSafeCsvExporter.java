package com.luckify.report;

import java.util.Set;
import net.sf.jasperreports.engine.JRPrintText;
import net.sf.jasperreports.engine.export.JRCsvExporter;
import net.sf.jasperreports.engine.util.JRStyledText;

/**
 * JasperReports' CSV exporter with every cell written by {@link CsvCells}: text cells neutralised, cells whose value
 * is a number in the report (a {@code Long} field with a pattern) left as numbers. Jasper's own formula escaping
 * ({@code net.sf.jasperreports.export.csv.escape.formula}) is not used: it misses tab and carriage return and quotes
 * numbers too. The exporter asks {@link #getStyledText} for each text cell just before {@link #prepareText}, which is
 * how the cell's type reaches the writing of its text.
 */
final class SpreadsheetSafeCsvExporter extends JRCsvExporter {

    private static final Set<String> NUMBER_CLASSES = Set.of(Long.class.getName(), Integer.class.getName(),
            Short.class.getName(), Byte.class.getName(), Double.class.getName(), Float.class.getName(),
            java.math.BigDecimal.class.getName(), java.math.BigInteger.class.getName(), Number.class.getName());

    private boolean numberCell;

    @Override
    public JRStyledText getStyledText(JRPrintText text) {
        String valueClass = text.getValueClassName();
        numberCell = text.getValue() instanceof Number || valueClass != null && NUMBER_CLASSES.contains(valueClass);
        return super.getStyledText(text);
    }

    @Override
    protected String prepareText(String source) {
        boolean number = numberCell;
        // a cell that is not a text element (none in our templates) never counts as a number
        numberCell = false;
        return number ? CsvCells.number(source) : CsvCells.text(source);
    }
}
