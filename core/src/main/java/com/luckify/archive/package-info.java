/**
 * The report archive: generated reports' metadata in {@code report_archive} (type, format, parameters, period,
 * state, size, SHA-256, who asked, which job made it) and their files in the upload storage's private part.
 * The report rendering itself is the {@code reports} module's.
 */
package com.luckify.archive;
