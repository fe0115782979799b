package io.missive.devstack.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import javax.imageio.ImageIO;

/** A PNG line chart of messages per stage over time, drawn with the JDK alone. */
final class Chart {

    private Chart() {
    }

    static void write(Path file, String title, List<Benchmark.Sample> samples, long total) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int width = 1000;
        int height = 520;
        int left = 80;
        int right = 20;
        int top = 50;
        int bottom = 60;
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        double maxT = samples.isEmpty() ? 1 : Math.max(1, samples.getLast().t());
        long maxY = Math.max(1, total);
        g.drawLine(left, height - bottom, width - right, height - bottom);
        g.drawLine(left, top, left, height - bottom);
        for (int i = 0; i <= 5; i++) {
            int y = height - bottom - (height - top - bottom) * i / 5;
            g.setColor(new Color(230, 230, 230));
            g.drawLine(left + 1, y, width - right, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(Long.toString(maxY * i / 5), 5, y + 4);
            int x = left + (width - left - right) * i / 5;
            g.drawString("%.0f s".formatted(maxT * i / 5), x - 10, height - bottom + 18);
        }
        g.drawString("seconds since the command was accepted", width / 2 - 120, height - 15);
        Map<String, ToLongFunction<Benchmark.Sample>> series = new java.util.LinkedHashMap<>();
        series.put("published (MessageRequested)", Benchmark.Sample::published);
        series.put("accepted by SpotHit", Benchmark.Sample::accepted);
        series.put("SENT (Events store)", Benchmark.Sample::sent);
        series.put("receipts through the gateway", Benchmark.Sample::receipts);
        series.put("DELIVERED (Events store)", Benchmark.Sample::delivered);
        Color[] colors = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0x9467bd), new Color(0xd62728)};
        int index = 0;
        g.setStroke(new BasicStroke(2f));
        for (var entry : series.entrySet()) {
            g.setColor(colors[index]);
            int px = -1;
            int py = -1;
            for (var sample : samples) {
                int x = left + (int) ((width - left - right) * sample.t() / maxT);
                int y = height - bottom - (int) ((height - top - bottom) * (double) entry.getValue().applyAsLong(sample) / maxY);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
            g.fillRect(width - 260, top + 10 + index * 18, 12, 12);
            g.setColor(Color.DARK_GRAY);
            g.drawString(entry.getKey(), width - 242, top + 21 + index * 18);
            index++;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}
