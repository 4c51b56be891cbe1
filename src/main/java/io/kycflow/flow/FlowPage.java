package io.kycflow.flow;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One page of an organization's flows, newest first; {@code next}/{@code previous} are offsets or null. */
public record FlowPage(long count, @Nullable Integer next, @Nullable Integer previous, List<Flow> results) {
}
