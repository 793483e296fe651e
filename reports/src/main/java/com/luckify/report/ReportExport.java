package com.luckify.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.export.JRCsvExporter;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.engine.fill.JRSwapFileVirtualizer;
import net.sf.jasperreports.engine.util.JRSwapFile;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleWriterExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import org.springframework.stereotype.Component;

/**
 * Fills a template and writes it out. Pages beyond the first few go to a swap file while filling and are read back
 * while exporting, so a report of thousands of pages needs no more heap than one of ten.
 */
@Component
class ReportExport {

    /** Pages a report keeps in memory; the rest wait in its swap file. */
    private static final int PAGES_IN_MEMORY = 20;

    void fillAndExport(JasperReport template, Map<String, Object> parameters, JRDataSource rows, ReportFormat format,
            OutputStream out) {
        Path swapDir = swapDirectory();
        JRSwapFileVirtualizer virtualizer = new JRSwapFileVirtualizer(PAGES_IN_MEMORY,
                new JRSwapFile(swapDir.toString(), 4096, 256), true);
        Map<String, Object> withVirtualizer = new HashMap<>(parameters);
        withVirtualizer.put(JRParameter.REPORT_VIRTUALIZER, virtualizer);
        try {
            JasperPrint print = JasperFillManager.fillReport(template, withVirtualizer, rows);
            virtualizer.setReadOnly(true);
            export(print, format, out);
        } catch (JRException e) {
            throw new IllegalStateException("the report could not be made", e);
        } finally {
            virtualizer.cleanup();
            deleteQuietly(swapDir);
        }
    }

    private static void export(JasperPrint print, ReportFormat format, OutputStream out) throws JRException {
        switch (format) {
            case PDF -> {
                JRPdfExporter pdf = new JRPdfExporter();
                pdf.setExporterInput(new SimpleExporterInput(print));
                pdf.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                pdf.exportReport();
            }
            case XLSX -> {
                JRXlsxExporter xlsx = new JRXlsxExporter();
                SimpleXlsxReportConfiguration configuration = new SimpleXlsxReportConfiguration();
                // numbers stay numbers in the sheet, one sheet for the whole report, no gaps between rows
                configuration.setDetectCellType(true);
                configuration.setOnePagePerSheet(false);
                configuration.setRemoveEmptySpaceBetweenRows(true);
                configuration.setWhitePageBackground(false);
                configuration.setCollapseRowSpan(true);
                xlsx.setConfiguration(configuration);
                xlsx.setExporterInput(new SimpleExporterInput(print));
                xlsx.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                xlsx.exportReport();
            }
            case CSV -> {
                // user-typed names must never reach a spreadsheet as formulas (CsvCells)
                JRCsvExporter csv = new SpreadsheetSafeCsvExporter();
                csv.setExporterInput(new SimpleExporterInput(print));
                csv.setExporterOutput(new SimpleWriterExporterOutput(out, "UTF-8"));
                csv.exportReport();
            }
        }
    }

    private static Path swapDirectory() {
        try {
            return Files.createTempDirectory("luckify-report-swap-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }
}
