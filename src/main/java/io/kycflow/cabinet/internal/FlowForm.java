package io.kycflow.cabinet.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kycflow.flow.Flow;
import io.kycflow.flow.FlowConfigSchema;
import io.kycflow.reference.ReferenceData;
import io.kycflow.shared.KycException;
import io.kycflow.technology.ConfigField;
import io.kycflow.technology.ConfigSchema;
import io.kycflow.technology.Technology;
import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A flow as an HTML form: the inputs are derived from the config declarations (as MCP's elicitation forms are), the
 * submitted strings become the JSON request MCP and REST send, and FlowService and the schemas validate it. Nothing
 * here decides what is valid: a value that does not parse is passed on as text, so the schema's own message says why.
 * Inputs are named {@code <schema>.<field>}, the same path the validator's messages name.
 */
public final class FlowForm {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String NAME = "name";
    static final String DISPLAY_NAME = "display_name";
    static final String TECHNOLOGIES = "technologies";
    static final String GENERAL = "form";

    /** The submitted (or current) values as strings, by input name: what the page shows back. */
    private final MultiValueMap<String, String> values;

    private FlowForm(MultiValueMap<String, String> values) {
        this.values = values;
    }

    static FlowForm submitted(MultiValueMap<String, String> params) {
        return new FlowForm(new LinkedMultiValueMap<>(params));
    }

    /** A new flow: every field at its default, the given technologies ticked in catalog order. */
    static FlowForm blank(List<Technology> offered) {
        var values = new LinkedMultiValueMap<String, String>();
        put(values, FlowConfigSchema.SCHEMA, FlowConfigSchema.SCHEMA.defaults());
        offered.stream().map(Technology::configSchema).distinct().forEach(schema -> put(values, schema, schema.defaults()));
        return new FlowForm(values);
    }

    /** An existing flow: its values; technologies it does not hold show their defaults. */
    static FlowForm of(Flow flow, List<Technology> offered) {
        var form = blank(offered);
        form.values.set(NAME, flow.name());
        form.values.set(DISPLAY_NAME, flow.displayName());
        put(form.values, FlowConfigSchema.SCHEMA, flow.flowConfig());
        for (var technology : offered) {
            var position = flow.technologyIds().indexOf(technology.id());
            if (position >= 0) {
                form.values.add(TECHNOLOGIES, technology.id().toString());
                form.values.set(order(technology), String.valueOf(position + 1));
                var config = flow.technologyConfigs().get(technology.configField());
                if (config != null) {
                    put(form.values, technology.configSchema(), config);
                }
            }
        }
        return form;
    }

    public String text(String input) {
        var value = values.getFirst(input);
        return value == null ? "" : value;
    }

    public boolean chosen(Technology technology) {
        return values.getOrDefault(TECHNOLOGIES, List.of()).contains(technology.id().toString());
    }

    static String order(Technology technology) {
        return "order." + technology.code();
    }

    /**
     * The ticked technologies in the order asked for (the order inputs, then catalog order); an order that is not a
     * number counts as "last".
     */
    List<Technology> technologies(List<Technology> offered) {
        var chosen = new ArrayList<Technology>(offered.stream().filter(this::chosen).toList());
        chosen.sort(Comparator.comparingInt(t -> {
            try {
                return Integer.parseInt(text(order(t)).strip());
            } catch (NumberFormatException e) {
                return Integer.MAX_VALUE;
            }
        }));
        return chosen;
    }

    /** One schema's values as the JSON config the validator reads. */
    ObjectNode config(ConfigSchema schema) {
        var config = NODES.objectNode();
        for (var field : schema.fields()) {
            var input = input(schema, field);
            var text = text(input);
            switch (field.type()) {
                case BOOLEAN -> config.put(field.name(), values.getOrDefault(input, List.of()).contains("true"));
                case INTEGER -> {
                    if (!text.isBlank()) {
                        config.set(field.name(), integer(text.strip()));
                    }
                }
                case NUMBER -> {
                    if (!text.isBlank()) {
                        config.set(field.name(), number(text.strip()));
                    }
                }
                case ENUM -> {
                    if (!text.isBlank()) {
                        config.put(field.name(), text);
                    }
                }
                case STRING -> config.put(field.name(), text.replace("\r\n", "\n").strip());
                case URL -> config.set(field.name(), text.isBlank() ? NODES.nullNode() : NODES.stringNode(text.strip()));
                case ID_LIST -> {
                    var ids = config.putArray(field.name());
                    values.getOrDefault(input, List.of()).stream().filter(v -> !v.isBlank()).forEach(v -> ids.add(integer(v.strip())));
                }
                case ORIGIN_LIST -> {
                    var origins = config.putArray(field.name());
                    text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(origins::add);
                }
            }
        }
        return config;
    }

    /** {@code request_data} as MCP's create_flow and update_flow take it. */
    ObjectNode requestData(List<Technology> technologies) {
        var data = NODES.objectNode();
        data.put(NAME, text(NAME).strip());
        if (!text(DISPLAY_NAME).isBlank()) {
            data.put(DISPLAY_NAME, text(DISPLAY_NAME).strip());
        }
        var ids = data.putArray("technology_ids");
        technologies.forEach(t -> ids.add(t.id().toString()));
        data.set("flow_config", config(FlowConfigSchema.SCHEMA));
        var configs = data.putObject("technology_configs");
        technologies.stream().map(Technology::configSchema).distinct().forEach(schema -> configs.set(schema.name(), config(schema)));
        return data;
    }

    /**
     * Each field checked alone by its own schema, so the page can show every wrong field at once (the service stops at
     * the first); rules across fields and technologies are the service's, checked afterwards.
     */
    static Map<String, String> fieldProblems(List<ConfigSchema> schemas, FlowForm form, ReferenceData reference) {
        var problems = new LinkedHashMap<String, String>();
        for (var schema : schemas) {
            var config = form.config(schema);
            for (var field : schema.fields()) {
                if (!config.has(field.name())) {
                    continue;
                }
                try {
                    schema.resolve(NODES.objectNode().set(field.name(), config.get(field.name())), reference::exists);
                } catch (KycException e) {
                    problems.put(input(schema, field), e.getMessage());
                }
            }
        }
        return problems;
    }

    /** Which input a service message belongs to, by the path it names. */
    static String inputOf(KycException e) {
        var field = e.field() == null ? "" : e.field();
        if (field.equals("request_data.name")) {
            return NAME;
        }
        if (field.equals("request_data.display_name")) {
            return DISPLAY_NAME;
        }
        if (field.startsWith("request_data.technology")) {
            return TECHNOLOGIES;
        }
        return field.contains(".") && !field.startsWith("request_data") ? field : GENERAL;
    }

    static String input(ConfigSchema schema, ConfigField field) {
        return schema.name() + "." + field.name();
    }

    /** One input as the template draws it. */
    public record Input(String name, String id, String kind, String label, String help, String value, List<Option> options,
                 @Nullable Number min, @Nullable Number max, @Nullable String step, @Nullable String problem) {
    }

    public record Option(String value, String text, boolean selected) {
    }

    List<Input> inputs(ConfigSchema schema, FlowPages.Texts texts, Map<String, String> problems) {
        return schema.fields().stream().map(field -> input(schema, field, texts, problems)).toList();
    }

    private Input input(ConfigSchema schema, ConfigField field, FlowPages.Texts texts, Map<String, String> problems) {
        var name = input(schema, field);
        var chosen = values.getOrDefault(name, List.of());
        List<Option> options = switch (field.type()) {
            case ENUM -> field.allowedValues().stream().map(v -> new Option(v, v, v.equals(text(name)))).toList();
            case ID_LIST -> texts.referenceList(field.reference()).stream()
                    .map(o -> new Option(o.value(), o.text(), chosen.contains(o.value()))).toList();
            default -> List.of();
        };
        var kind = switch (field.type()) {
            case BOOLEAN -> "checkbox";
            case INTEGER, NUMBER -> "number";
            case ENUM -> "select";
            case URL -> "url";
            case ID_LIST -> "multiselect";
            case ORIGIN_LIST -> "lines";
            case STRING -> field.maximum() != null && field.maximum().intValue() > 200 ? "textarea" : "text";
        };
        var value = field.type() == ConfigField.Type.BOOLEAN ? String.valueOf(chosen.contains("true")) : text(name);
        var step = field.type() == ConfigField.Type.NUMBER ? "0.01" : field.type() == ConfigField.Type.INTEGER ? "1" : null;
        var bounded = field.type() == ConfigField.Type.INTEGER || field.type() == ConfigField.Type.NUMBER;
        return new Input(name, name.replace('.', '-'), kind, texts.label(schema, field), texts.help(schema, field), value,
                options, bounded ? field.minimum() : null, bounded ? field.maximum() : null, step, problems.get(name));
    }

    /** A stored config's values as the strings the form shows. */
    private static void put(MultiValueMap<String, String> values, ConfigSchema schema, JsonNode config) {
        for (var field : schema.fields()) {
            var node = config.get(field.name());
            var input = input(schema, field);
            values.remove(input);
            if (node == null || node.isNull()) {
                values.add(input, "");
            } else if (field.type() == ConfigField.Type.ORIGIN_LIST) {
                var lines = new ArrayList<String>();
                node.forEach(item -> lines.add(item.asString()));
                values.add(input, String.join("\n", lines));
            } else if (node.isArray()) {
                node.forEach(item -> values.add(input, item.asString()));
            } else if (node.isBoolean()) {
                if (node.booleanValue()) {
                    values.add(input, "true");
                }
            } else {
                values.add(input, node.asString());
            }
        }
    }

    private static JsonNode integer(String text) {
        try {
            return NODES.numberNode(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return NODES.stringNode(text); // the schema says what it must be
        }
    }

    private static JsonNode number(String text) {
        try {
            var value = Double.parseDouble(text.replace(',', '.'));
            return Double.isFinite(value) ? NODES.numberNode(value) : NODES.stringNode(text);
        } catch (NumberFormatException e) {
            return NODES.stringNode(text);
        }
    }
}
