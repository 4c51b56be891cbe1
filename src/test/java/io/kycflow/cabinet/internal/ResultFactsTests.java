package io.kycflow.cabinet.internal;

import io.kycflow.support.TestData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultFactsTests {

    @Test
    void nestedFieldsBecomeLinesAReviewerReads() {
        var result = TestData.json("""
                {"document": {"type": "PASSPORT", "surname": "ERIKSSON", "birth_date": "1974-08-12"},
                 "mrz_check_digits_valid": true, "portrait_found": null, "allowed_countries": ["FIN", "KAZ"]}""");
        assertThat(ResultFacts.of(result)).containsExactly(
                new ResultFacts.Fact("document · type", "PASSPORT"),
                new ResultFacts.Fact("document · surname", "ERIKSSON"),
                new ResultFacts.Fact("document · birth date", "1974-08-12"),
                new ResultFacts.Fact("mrz check digits valid", "yes"),
                new ResultFacts.Fact("portrait found", "—"),
                new ResultFacts.Fact("allowed countries", "FIN, KAZ"));
        assertThat(ResultFacts.of(null)).isEmpty();
    }
}
