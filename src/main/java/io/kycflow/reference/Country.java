package io.kycflow.reference;

/** An ISO 3166-1 country; {@code id} is its ISO numeric code. */
public record Country(int id, String alpha2, String alpha3, String name) {
}
