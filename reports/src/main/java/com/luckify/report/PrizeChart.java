package com.luckify.report;

import com.luckify.lottery.PrizeStatementRow;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The prize report's chart: prizes issued, claimed and expired per sponsor, drawn with JFreeChart (JasperReports'
 * own chart component is not on Maven Central for 7.0.6) in the bundled font, so Chinese sponsor names render.
 */
final class PrizeChart {

    private static final String FONT_FILE = "fonts/wqy/wqy-microhei.ttf";
    private static final Font FONT = bundledFont();

    private PrizeChart() {
    }

    static BufferedImage of(List<PrizeStatementRow> rows) {
        Map<String, long[]> bySponsor = new TreeMap<>();
        for (PrizeStatementRow row : rows) {
            long[] sums = bySponsor.computeIfAbsent(row.sponsorName().isEmpty() ? "（无 none）" : row.sponsorName(),
                    name -> new long[3]);
            sums[0] += row.issued();
            sums[1] += row.claimed();
            sums[2] += row.expired();
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        bySponsor.forEach((sponsor, sums) -> {
            data.addValue(sums[0], "发放 Issued", sponsor);
            data.addValue(sums[1], "已领 Claimed", sponsor);
            data.addValue(sums[2], "过期 Expired", sponsor);
        });
        JFreeChart chart = ChartFactory.createBarChart("按赞助商 By sponsor", null, null, data, PlotOrientation.VERTICAL,
                true, false, false);
        chart.getTitle().setFont(FONT.deriveFont(Font.BOLD, 26f));
        chart.getLegend().setItemFont(FONT.deriveFont(20f));
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.getDomainAxis().setTickLabelFont(FONT.deriveFont(20f));
        plot.getRangeAxis().setTickLabelFont(FONT.deriveFont(20f));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x4F, 0x46, 0xE5));
        renderer.setSeriesPaint(1, new Color(0x05, 0x96, 0x69));
        renderer.setSeriesPaint(2, new Color(0xDC, 0x26, 0x26));
        // drawn at twice the size it is shown, so it stays sharp in the PDF
        return chart.createBufferedImage(1040, 430);
    }

    private static Font bundledFont() {
        try (InputStream ttf = PrizeChart.class.getClassLoader().getResourceAsStream(FONT_FILE)) {
            Font font = Font.createFont(Font.TRUETYPE_FONT, ttf);
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
