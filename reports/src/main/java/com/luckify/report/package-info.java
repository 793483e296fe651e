/**
 * Finance and audit reports with JasperReports 7: the templates ({@code reports/*.jrxml}, compiled once on first
 * use), the bundled CJK font extension, and {@link com.luckify.report.ReportService}, which fills a template from
 * the features' report data (streamed, with a swap-file virtualizer, so memory does not grow with the rows) and
 * exports PDF, XLSX or CSV with the same figures.
 */
package com.luckify.report;
