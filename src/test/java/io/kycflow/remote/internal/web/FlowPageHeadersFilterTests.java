package io.kycflow.remote.internal.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** HSTS only when the request came over TLS; the other headers always (FlowPageTests sees them over plain HTTP). */
class FlowPageHeadersFilterTests {

    @Test
    void hstsOnlyOverTls() throws Exception {
        var secure = new MockHttpServletRequest("GET", "/flow/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
        secure.setSecure(true);
        var answer = new MockHttpServletResponse();
        new FlowPageHeadersFilter().doFilter(secure, answer, new MockFilterChain());
        assertThat(answer.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(answer.getHeader("Content-Security-Policy")).isEqualTo(FlowPageHeadersFilter.CSP);

        var plain = new MockHttpServletRequest("GET", "/flow/assets/flow.js");
        var plainAnswer = new MockHttpServletResponse();
        new FlowPageHeadersFilter().doFilter(plain, plainAnswer, new MockFilterChain());
        assertThat(plainAnswer.getHeader("Strict-Transport-Security")).isNull();
        assertThat(plainAnswer.getHeader("Permissions-Policy")).startsWith("camera=(self)");
        assertThat(plainAnswer.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
    }
}
