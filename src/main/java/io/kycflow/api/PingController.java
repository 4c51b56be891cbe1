package io.kycflow.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Connectivity check for integrators' backends: a constant answer, no database, no key. The benchmarks use it
 * as the ceiling the other endpoints are measured against.
 */
@RestController
class PingController {

    private static final Pong PONG = new Pong(true, "kycflow");

    @GetMapping("/api/v1/ping/")
    Pong ping() {
        return PONG;
    }

    record Pong(boolean pong, String service) {
    }
}
