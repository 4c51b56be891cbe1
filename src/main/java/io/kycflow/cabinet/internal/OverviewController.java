package io.kycflow.cabinet.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page: the last 14 days at a glance, from figures kept live ({@link LiveOverview}). */
@Controller
class OverviewController {

    static final int DAYS = 14;

    private final LiveOverview live;

    OverviewController(LiveOverview live) {
        this.live = live;
    }

    @GetMapping("/cabinet/")
    String overview(@AuthenticationPrincipal CabinetUser me, Model model) {
        model.addAttribute("overview", live.overview(me.organizationId(), LocalDate.now(ZoneOffset.UTC), DAYS));
        return "cabinet/overview";
    }
}
