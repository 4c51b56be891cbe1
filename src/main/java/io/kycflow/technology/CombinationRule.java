package io.kycflow.technology;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How a technology may be combined with others in a flow's ordered technology list.
 *
 * @param type {@code requires_before_all}: every listed technology must come earlier;
 *             {@code requires_before_any}: at least one of them must come earlier;
 *             {@code exclusive_with}: none of them may be in the same flow
 */
public record CombinationRule(String type, List<TechnologyCode> technologies, String description) {

    public static CombinationRule requiresBeforeAll(String description, TechnologyCode... codes) {
        return new CombinationRule("requires_before_all", List.of(codes), description);
    }

    public static CombinationRule requiresBeforeAny(String description, TechnologyCode... codes) {
        return new CombinationRule("requires_before_any", List.of(codes), description);
    }

    public static CombinationRule exclusiveWith(String description, TechnologyCode... codes) {
        return new CombinationRule("exclusive_with", List.of(codes), description);
    }

    /** @return null when {@code order.get(position)} satisfies this rule, otherwise why not */
    public @Nullable String violation(List<TechnologyCode> order, int position) {
        var before = order.subList(0, position);
        boolean ok = switch (type) {
            case "requires_before_all" -> before.containsAll(technologies);
            case "requires_before_any" -> technologies.stream().anyMatch(before::contains);
            case "exclusive_with" -> technologies.stream().noneMatch(order::contains);
            default -> throw new IllegalStateException("unknown rule type " + type);
        };
        return ok ? null : description;
    }
}
