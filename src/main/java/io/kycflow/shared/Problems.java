package io.kycflow.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 9457 problem details with our stable {@code code} extension, for places that answer before Spring MVC
 * (servlet filters). Controllers use the same shape through {@code ProblemDetail}.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static String type(String code) {
        return "urn:kycflow:problem:" + code;
    }

    public static ObjectNode body(int status, String title, String code, String detail) {
        return JsonNodeFactory.instance.objectNode()
                .put("type", type(code))
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("code", code);
    }

    public static void write(HttpServletResponse response, int status, String title, String code, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body(status, title, code, detail).toString());
    }
}
