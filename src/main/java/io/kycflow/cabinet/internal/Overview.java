package io.kycflow.cabinet.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.kycflow.session.Session;
import io.kycflow.session.SessionStatus;
import io.kycflow.session.StepStatus;
import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;

/**
 * The overview's figures over a window of sessions, and its chart as SVG rectangles computed here (the page draws
 * them with no script and no chart library).
 */
public record Overview(List<Day> days, List<Bar> bars, int maxPerDay, Map<TechnologyCode, Rate> passRates,
                @Nullable Duration medianToFinish, int sessions, boolean truncated) {

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

    static Overview of(List<Session> window, LocalDate today, int days, boolean truncated) {
        var byDay = new LinkedHashMap<LocalDate, Map<SessionStatus, Integer>>();
        for (int i = days - 1; i >= 0; i--) {
            byDay.put(today.minusDays(i), new EnumMap<>(SessionStatus.class));
        }
        var rates = new EnumMap<TechnologyCode, int[]>(TechnologyCode.class);
        var durations = new ArrayList<Duration>();
        for (var session : window) {
            var counts = byDay.get(session.createdAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
            if (counts != null) {
                counts.merge(session.status(), 1, Integer::sum);
            }
            for (var step : session.steps()) {
                if (step.status() == StepStatus.PASSED || step.status() == StepStatus.FAILED) {
                    var rate = rates.computeIfAbsent(step.technology(), code -> new int[2]);
                    rate[0] += step.status() == StepStatus.PASSED ? 1 : 0;
                    rate[1]++;
                }
            }
            if (session.finishedAt() != null) {
                durations.add(Duration.between(session.createdAt(), session.finishedAt()));
            }
        }
        var dayList = byDay.entrySet().stream()
                .map(e -> new Day(e.getKey(), e.getValue(), e.getValue().values().stream().mapToInt(Integer::intValue).sum()))
                .toList();
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
        var passRates = new EnumMap<TechnologyCode, Rate>(TechnologyCode.class);
        rates.forEach((code, r) -> passRates.put(code, new Rate(r[0], r[1])));
        durations.sort(null);
        var median = durations.isEmpty() ? null : durations.get(durations.size() / 2);
        return new Overview(dayList, bars, max, passRates, median, window.size(), truncated);
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
