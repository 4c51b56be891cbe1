package io.kycflow.cabinet.internal;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organization's audit log, newest first, filterable by action and by member, and as CSV. */
@Controller
class AuditController {

    /** The CSV export holds at most this many entries (the newest). */
    static final int CSV_LIMIT = 50_000;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/cabinet/audit")
    String page(@AuthenticationPrincipal CabinetUser me, @RequestParam(required = false) @Nullable String action,
                @RequestParam(required = false) @Nullable String actor, @RequestParam(required = false) @Nullable UUID before,
                Model model) {
        var entries = audit.list(me.organizationId(), action, actor, before, AuditLog.PAGE + 1);
        var more = entries.size() > AuditLog.PAGE;
        model.addAttribute("entries", more ? entries.subList(0, AuditLog.PAGE) : entries);
        model.addAttribute("next", more ? entries.get(AuditLog.PAGE - 1).id() : null);
        model.addAttribute("action", action);
        model.addAttribute("actor", actor);
        return "cabinet/audit";
    }

    @GetMapping("/cabinet/audit.csv")
    void csv(@AuthenticationPrincipal CabinetUser me, @RequestParam(required = false) @Nullable String action,
             @RequestParam(required = false) @Nullable String actor, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        var out = response.getWriter();
        out.write("at,actor,action,target,detail,ip\r\n");
        for (var e : audit.list(me.organizationId(), action, actor, null, CSV_LIMIT)) {
            out.write(String.join(",", cell(e.at().toString()), cell(e.actor()), cell(e.action()), cell(e.target()),
                    cell(e.detail()), cell(e.ip())) + "\r\n");
        }
    }

    /** RFC 4180 quoting, and a leading quote on what a spreadsheet would run as a formula. */
    static String cell(@Nullable String value) {
        if (value == null) {
            return "";
        }
        var safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
