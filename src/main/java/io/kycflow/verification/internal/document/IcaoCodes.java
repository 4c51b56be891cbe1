package io.kycflow.verification.internal.document;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Map.entry;

/**
 * The three-letter codes of issuing states and nationalities in an MRZ (Doc 9303 Part 3, 5): ISO 3166-1 alpha-3,
 * plus the codes ICAO adds for Germany ({@code D<<}), British nationals of other statuses, international
 * organizations and people without (or of unspecified) nationality, and {@code UTO}, the fictional Utopia of the
 * specimens.
 */
public final class IcaoCodes {

    private static final Map<String, String> NON_ISO = Map.ofEntries(
            entry("D", "Germany"),
            entry("GBD", "British Overseas Territories Citizen"),
            entry("GBN", "British National (Overseas)"),
            entry("GBO", "British Overseas Citizen"),
            entry("GBP", "British Protected Person"),
            entry("GBS", "British Subject"),
            entry("UNA", "Specialized agency of the United Nations"),
            entry("UNK", "Resident of Kosovo, travel document issued by UNMIK"),
            entry("UNO", "United Nations Organization"),
            entry("XBA", "African Development Bank"),
            entry("XIM", "African Export-Import Bank"),
            entry("XCC", "Caribbean Community (CARICOM)"),
            entry("XCE", "Council of Europe"),
            entry("XCO", "Common Market for Eastern and Southern Africa (COMESA)"),
            entry("XDC", "Southern African Development Community"),
            entry("XEC", "Economic Community of West African States (ECOWAS)"),
            entry("XES", "Organization of Eastern Caribbean States"),
            entry("XMP", "Parliamentary Assembly of the Mediterranean"),
            entry("XOM", "Sovereign Military Order of Malta"),
            entry("XPO", "International Criminal Police Organization (INTERPOL)"),
            entry("XXA", "Stateless person (1954 Convention)"),
            entry("XXB", "Refugee (1951 Convention and 1967 Protocol)"),
            entry("XXC", "Refugee, other than XXB"),
            entry("XXX", "Unspecified nationality"),
            entry("EUE", "European Union"),
            entry("UTO", "Utopia (ICAO specimen documents)"));

    private static final Set<String> ISO_ALPHA3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    public static final String STATELESS = "XXA";
    public static final Set<String> REFUGEE = Set.of("XXB", "XXC");

    private IcaoCodes() {
    }

    /** Whether {@code code} (fillers stripped, e.g. {@code D}) is an ISO alpha-3 code or one of ICAO's own. */
    public static boolean isKnown(String code) {
        return ISO_ALPHA3.contains(code) || NON_ISO.containsKey(code);
    }

    /** What one of ICAO's own codes stands for; empty for ISO codes and unknown ones. */
    public static Optional<String> description(String code) {
        return Optional.ofNullable(NON_ISO.get(code));
    }

    /**
     * The ISO 3166-1 alpha-3 code of the country behind an MRZ code: {@code D} is Germany ({@code DEU}), the British
     * statuses are the United Kingdom ({@code GBR}); any other code is returned as it is (organizations and the
     * nationality placeholders then match no country).
     */
    public static String isoAlpha3(String code) {
        if (code.equals("D")) {
            return "DEU";
        }
        if (code.length() == 3 && code.startsWith("GB") && NON_ISO.containsKey(code)) {
            return "GBR";
        }
        return code;
    }
}
