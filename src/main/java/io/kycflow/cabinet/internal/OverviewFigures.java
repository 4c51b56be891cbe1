package io.kycflow.cabinet.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.kycflow.session.SessionStatus;
import io.kycflow.technology.TechnologyCode;
import org.jspecify.annotations.Nullable;

/**
 * One organization's overview figures per day of creation: sessions per status, steps passed and decided per
 * technology, times to finish. Each session it tracks only moves forward (status by rank, steps passed or failed
 * added, the finish time set once), so a fact seen twice, or an older one late, changes nothing: the rebuild read
 * and the events it overlaps with can both be applied ({@link LiveOverview}). The day is the one in the session's
 * time-ordered id, as the list's date filter reads it. About 100 bytes per tracked session.
 */
final class OverviewFigures {

    private static final SessionStatus[] STATUSES = SessionStatus.values();
    private static final TechnologyCode[] TECHNOLOGIES = TechnologyCode.values();

    private static final class Tracked {
        SessionStatus status;
        int passed; // technology ordinals as bits
        int failed;
        boolean finished;

        Tracked(SessionStatus status) {
            this.status = status;
        }
    }

    private static final class DayFigures {
        final int[] statuses = new int[STATUSES.length];
        final int[] passed = new int[TECHNOLOGIES.length];
        final int[] decided = new int[TECHNOLOGIES.length];
        /** Seconds to finish (whole minutes from two minutes on, as the page shows them) → sessions. */
        final TreeMap<Long, Integer> finishTimes = new TreeMap<>();
    }

    private LocalDate firstDay;
    private final Map<UUID, Tracked> sessions = new HashMap<>();
    private final Map<LocalDate, DayFigures> days = new HashMap<>();

    OverviewFigures(LocalDate firstDay) {
        this.firstDay = firstDay;
    }

    static Instant createdAt(UUID sessionId) {
        return Instant.ofEpochMilli(sessionId.getMostSignificantBits() >>> 16);
    }

    /** Moves the session forward to what the arguments say it has reached (ignored if it is not further). */
    synchronized void advance(UUID id, SessionStatus status, int passed, int failed, @Nullable Instant finishedAt) {
        var created = createdAt(id);
        var date = LocalDate.ofInstant(created, ZoneOffset.UTC);
        if (date.isBefore(firstDay)) {
            return;
        }
        var day = days.computeIfAbsent(date, d -> new DayFigures());
        var session = sessions.get(id);
        if (session == null) {
            session = new Tracked(status);
            sessions.put(id, session);
            day.statuses[status.ordinal()]++;
        } else if (rank(status) > rank(session.status)) {
            day.statuses[session.status.ordinal()]--;
            day.statuses[status.ordinal()]++;
            session.status = status;
        }
        int newlyPassed = passed & ~session.passed & ~session.failed;
        int newlyFailed = failed & ~session.passed & ~session.failed;
        for (int t = 0; t < TECHNOLOGIES.length; t++) {
            int bit = 1 << t;
            if ((newlyPassed & bit) != 0) {
                day.passed[t]++;
                day.decided[t]++;
            } else if ((newlyFailed & bit) != 0) {
                day.decided[t]++;
            }
        }
        session.passed |= newlyPassed;
        session.failed |= newlyFailed;
        if (finishedAt != null && !session.finished) {
            session.finished = true;
            long seconds = Math.max(0, Duration.between(created, finishedAt).toSeconds());
            day.finishTimes.merge(seconds < 120 ? seconds : seconds / 60 * 60, 1, Integer::sum);
        }
    }

    /** CREATED → IN_PROGRESS → FINISHED | FAILED | EXPIRED → APPROVED | DECLINED. */
    private static int rank(SessionStatus status) {
        return switch (status) {
            case CREATED -> 0;
            case IN_PROGRESS -> 1;
            case FINISHED, FAILED, EXPIRED -> 2;
            case APPROVED, DECLINED -> 3;
        };
    }

    synchronized int sessions() {
        return sessions.size();
    }

    /** The {@code count} days up to {@code today}; days that left the window are forgotten first. */
    synchronized Overview overview(LocalDate today, int count) {
        var first = today.minusDays(count - 1);
        if (first.isAfter(firstDay)) {
            firstDay = first;
            sessions.keySet().removeIf(id -> LocalDate.ofInstant(createdAt(id), ZoneOffset.UTC).isBefore(first));
            days.keySet().removeIf(date -> date.isBefore(first));
        }
        var dayList = new ArrayList<Overview.Day>(count);
        var passed = new int[TECHNOLOGIES.length];
        var decided = new int[TECHNOLOGIES.length];
        var finishTimes = new TreeMap<Long, Integer>();
        for (var date = first; !date.isAfter(today); date = date.plusDays(1)) {
            var day = days.get(date);
            var counts = new EnumMap<SessionStatus, Integer>(SessionStatus.class);
            int total = 0;
            if (day != null) {
                for (var status : STATUSES) {
                    if (day.statuses[status.ordinal()] > 0) {
                        counts.put(status, day.statuses[status.ordinal()]);
                        total += day.statuses[status.ordinal()];
                    }
                }
                for (int t = 0; t < TECHNOLOGIES.length; t++) {
                    passed[t] += day.passed[t];
                    decided[t] += day.decided[t];
                }
                day.finishTimes.forEach((seconds, n) -> finishTimes.merge(seconds, n, Integer::sum));
            }
            dayList.add(new Overview.Day(date, counts, total));
        }
        var rates = new EnumMap<TechnologyCode, Overview.Rate>(TechnologyCode.class);
        for (int t = 0; t < TECHNOLOGIES.length; t++) {
            if (decided[t] > 0) {
                rates.put(TECHNOLOGIES[t], new Overview.Rate(passed[t], decided[t]));
            }
        }
        return Overview.of(dayList, rates, median(finishTimes));
    }

    /** The middle element as the list's median was: index n / 2 of the sorted times. */
    private static @Nullable Duration median(TreeMap<Long, Integer> finishTimes) {
        int n = finishTimes.values().stream().mapToInt(Integer::intValue).sum();
        int seen = 0;
        for (var entry : finishTimes.entrySet()) {
            seen += entry.getValue();
            if (seen > n / 2) {
                return Duration.ofSeconds(entry.getKey());
            }
        }
        return null;
    }
}
