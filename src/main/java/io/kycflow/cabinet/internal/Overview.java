package io.kycflow.cabinet.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.kycflow.session.SessionStatus;
import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;

/**
 * The overview's figures over the last days ({@link OverviewFigures} keeps them), and its chart as SVG rectangles computed here (the page draws
 * them with no script and no chart library).
 */
public record Overview(List<Day> days, List<Bar> bars, int maxPerDay, Map<TechnologyCode, Rate> passRates,
                @Nullable Duration medianToFinish, int sessions) {

    static final int CHART_HEIGHT = 160;
    static final int BAR_WIDTH = 24;
    static final int GAP = 8;

    public record Day(LocalDate date, Map<SessionStatus, Integer> counts, int total) {
    }

    /** One coloured segment of a day's stacked bar. */
    public record Bar(int x, int y, int width, int height, String status, String label) {
    }

    public record Rate(int passed, int decided) {
        public int percent() {
            return decided == 0 ? 0 : Math.round(100f * passed / decided);
        }
    }

    /** The figures and the chart's rectangles from each day's counts (oldest first), the rates and the median. */
    static Overview of(List<Day> dayList, Map<TechnologyCode, Rate> passRates, @Nullable Duration median) {
        int max = Math.max(1, dayList.stream().mapToInt(Day::total).max().orElse(1));
        var bars = new ArrayList<Bar>();
        for (int i = 0; i < dayList.size(); i++) {
            var day = dayList.get(i);
            int y = CHART_HEIGHT;
            for (var status : SessionStatus.values()) {
                int count = day.counts().getOrDefault(status, 0);
                if (count > 0) {
                    int h = Math.max(1, Math.round((float) CHART_HEIGHT * count / max));
                    y -= h;
                    bars.add(new Bar(i * (BAR_WIDTH + GAP), y, BAR_WIDTH, h, status.name().toLowerCase(),
                            day.date() + ": " + count + " " + status.name().toLowerCase()));
                }
            }
        }
        return new Overview(dayList, bars, max, passRates, median, dayList.stream().mapToInt(Day::total).sum());
    }

    public int chartWidth() {
        return days.size() * (BAR_WIDTH + GAP);
    }

    public String medianText() {
        if (medianToFinish == null) {
            return "no finished sessions yet";
        }
        long seconds = medianToFinish.toSeconds();
        return seconds < 120 ? seconds + " s" : (seconds / 60) + " min";
    }
}
