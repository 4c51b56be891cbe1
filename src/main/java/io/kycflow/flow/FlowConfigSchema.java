package io.kycflow.flow;

import java.util.List;

import io.kycflow.technology.ConfigField;
import io.kycflow.technology.ConfigSchema;

/** The flow-level config, declared once like a technology's (served by kyc://reference/flow-config-defaults). */
public final class FlowConfigSchema {

    public static final ConfigSchema SCHEMA = new ConfigSchema("flow_config", List.of(
            ConfigField.url("success_redirect_url",
                    "Where the person is sent after a passed verification. A hint only: always fetch the result server-side."),
            ConfigField.url("failure_redirect_url", "Where the person is sent after a failed verification."),
            ConfigField.bool("show_qr", true, "On desktop, show a QR code so the person can continue on a phone."),
            ConfigField.bool("always_mobile", false, "Require the person to complete the verification on a mobile device."),
            ConfigField.bool("fingerprint_check", false,
                    "Keep the session on the first device that opens it: no hand-off to a phone, every other device is "
                            + "refused (needs show_qr and always_mobile false). Every session is bound to the first "
                            + "browser anyway; without this, it may move to a phone once, by the QR code."),
            ConfigField.integer("session_ttl_minutes", 5, 10080, 60, "Minutes until an unfinished session expires."),
            ConfigField.oneOf("locale", List.of("en", "ru", "kz"), "en", "Default language of the verification UI."),
            ConfigField.originList("widget_allowed_origins", 20,
                    "Origins of your pages that may embed the verification page with the Flow Widget "
                            + "(/widget/v1/kycflow.js), e.g. https://shop.example; the page sends CSP frame-ancestors "
                            + "with exactly these and posts its events only to the one embedding it. Empty: no site "
                            + "may frame it.")));

    private FlowConfigSchema() {
    }
}
