package com.luckify.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import org.springframework.stereotype.Component;

/** Each template compiled once, on first use, and shared by every report made from it afterwards. */
@Component
class ReportTemplates {

    private final Map<ReportType, JasperReport> compiled = new ConcurrentHashMap<>();

    JasperReport of(ReportType type) {
        return compiled.computeIfAbsent(type, ReportTemplates::compile);
    }

    private static JasperReport compile(ReportType type) {
        String resource = "reports/" + type.fileStem() + ".jrxml";
        try (InputStream jrxml = ReportTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (jrxml == null) {
                throw new IllegalStateException("no template " + resource);
            }
            return JasperCompileManager.compileReport(jrxml);
        } catch (JRException e) {
            throw new IllegalStateException("template " + resource + " does not compile", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
