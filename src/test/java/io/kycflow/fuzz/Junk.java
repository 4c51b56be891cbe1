package io.kycflow.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seeded raw material for hostile requests: odd strings, JSON values of every type, broken encodings. Nothing it
 * makes looks like a Java class name, so a class name in an answer can only be the server's own.
 */
final class Junk {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Strings a validator should refuse or carry safely: empty, blank, control characters, quotes, huge, unicode. */
    private static final List<String> STRINGS = List.of("", " ", "\t", "null", "undefined", "0", "-1", "1e309", "NaN",
            "true", "💥", "\u0000", "\u202e\u0041", "\ud800", "'; drop table flow; --", "<script>alert(1)</script>",
            "../../../../etc/passwd", "%00", "%", "%ZZ", "${jndi:ldap://x/a}", "{{7*7}}", "\r\nX-Injected: 1", "a\"b",
            "\\", "ЖЁСТКО", "қазақша", "00000000-0000-0000-0000-000000000000", "not-a-uuid",
            "LD", "DR", "F2F", "ED", "DSI", "passed", "failed", "APPROVED", "DECLINED", "PRODUCTION", "TEST", "DEMO");

    /** Query-string pieces Tomcat's parser refuses or that stress it. */
    static final List<String> BAD_QUERY_PARTS = List.of("%ZZ", "%C0%AF", "%ED%A0%80", "%", "%4", "%FF%FE", "=",
            "==", "=x", "%E2%82", "%F4%90%80%80", "%uD800", "a=%", "&&&==&");

    private final SplittableRandom random;

    Junk(SplittableRandom random) {
        this.random = random;
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    int between(int from, int toInclusive) {
        return random.nextInt(from, toInclusive + 1);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    String string() {
        return switch (random.nextInt(6)) {
            case 0 -> "x".repeat(between(250, 5000));
            case 1 -> uuid().toString();
            case 2 -> Long.toString(random.nextLong());
            default -> pick(STRINGS);
        };
    }

    /** A UUID from the seed (not {@code UUID.randomUUID()}), so that a run can be replayed. */
    UUID uuid() {
        return new UUID(random.nextLong(), random.nextLong());
    }

    /** Any JSON value, nesting limited by {@code depth}. */
    JsonNode value(int depth) {
        int kind = random.nextInt(depth <= 0 ? 7 : 9);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt(-3, 1000));
            case 3 -> NODES.numberNode(pick(List.of(1.5, -0.0, 1e300, Double.MIN_VALUE)));
            case 4 -> NODES.numberNode(new java.math.BigInteger("9".repeat(between(19, 60))));
            case 5, 6 -> NODES.stringNode(string());
            case 7 -> array(depth - 1);
            default -> object(depth - 1);
        };
    }

    /** Any value but one of {@code excluded} (as a string, in any letter case). */
    JsonNode valueOtherThan(List<String> excluded, int depth) {
        var value = value(depth);
        return value.isString() && excluded.stream().anyMatch(value.asString()::equalsIgnoreCase) ? NODES.stringNode("maybe") : value;
    }

    ArrayNode array(int depth) {
        var array = NODES.arrayNode();
        for (int i = between(0, 3); i > 0; i--) {
            array.add(value(depth));
        }
        return array;
    }

    ObjectNode object(int depth) {
        var object = NODES.objectNode();
        for (int i = between(0, 3); i > 0; i--) {
            object.set(pick(List.of("a", "name", "id", "_meta", "type", "", "params", "value")), value(depth));
        }
        return object;
    }

    /** A body that is not the JSON it claims to be, or JSON a parser must guard against. */
    byte[] brokenBody() {
        return switch (random.nextInt(10)) {
            case 0 -> "{".repeat(between(1, 3000)).getBytes(StandardCharsets.UTF_8);
            case 1 -> ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
            case 2 -> new byte[] {(byte) 0xC0, (byte) 0xAF, '{', '}', (byte) 0xFF};
            case 3 -> "\uFEFF{\"a\":1}".getBytes(StandardCharsets.UTF_8);
            case 4 -> "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
            case 5 -> "{\"a\":1} trailing".getBytes(StandardCharsets.UTF_8);
            case 6 -> "{\"a\":\"\\ud800\"}".getBytes(StandardCharsets.UTF_8);
            case 7 -> ("{\"n\":" + "9".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);
            case 8 -> new byte[] {0, 0, 0};
            default -> value(3).toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    String badQuery() {
        return switch (random.nextInt(5)) {
            case 0 -> "session_id=" + pick(BAD_QUERY_PARTS);
            case 1 -> pick(BAD_QUERY_PARTS) + "&flow_api_key=" + pick(BAD_QUERY_PARTS);
            case 2 -> String.join("&", java.util.Collections.nCopies(between(1001, 2500), "a"));
            case 3 -> "a=" + "%41".repeat(between(10, 2000));
            default -> pick(BAD_QUERY_PARTS);
        };
    }
}
