package io.kycflow.technology;

/** Answers whether an id exists in a reference list named by {@link ConfigField#reference()}. */
@FunctionalInterface
public interface IdLookup {

    boolean exists(String reference, int id);
}
