package io.kycflow.cabinet.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.kycflow.session.SessionSearch;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page: the last 14 days at a glance. */
@Controller
class OverviewController {

    static final int DAYS = 14;
    /** The figures read at most this many recent sessions; the page says so when there were more. */
    static final int WINDOW = 20_000;

    private final SessionSearch search;

    OverviewController(SessionSearch search) {
        this.search = search;
    }

    @GetMapping("/cabinet/")
    String overview(@AuthenticationPrincipal CabinetUser me, Model model) {
        var today = LocalDate.now(ZoneOffset.UTC);
        var from = today.minusDays(DAYS - 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        var to = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        var window = search.createdBetween(me.organizationId(), from, to, WINDOW + 1);
        var truncated = window.size() > WINDOW;
        model.addAttribute("overview", Overview.of(truncated ? window.subList(0, WINDOW) : window, today, DAYS, truncated));
        return "cabinet/overview";
    }
}
