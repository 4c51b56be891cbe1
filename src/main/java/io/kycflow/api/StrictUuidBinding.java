package io.kycflow.api;

import java.beans.PropertyEditorSupport;

import io.kycflow.shared.RequestFields;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * UUIDs in paths and query parameters are parsed as strictly as those in bodies: the JDK parser would read
 * {@code 1-1-1-1-1} as {@code 00000001-0001-0001-0001-000000000001}; we refuse it (400) instead. A binder editor,
 * not a converter, because Spring falls back to its lenient default UUID editor when a converter refuses.
 */
@ControllerAdvice
class StrictUuidBinding {

    @InitBinder
    void strictUuids(WebDataBinder binder) {
        binder.registerCustomEditor(java.util.UUID.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                var id = RequestFields.parseUuid(text.strip());
                if (id == null) {
                    throw new IllegalArgumentException("not a UUID: " + text);
                }
                setValue(id);
            }
        });
    }
}
