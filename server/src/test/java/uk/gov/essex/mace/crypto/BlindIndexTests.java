package uk.gov.essex.mace.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.gov.essex.mace.crypto.internal.TestKeystores;

class BlindIndexTests {

    static final LocalDate DOB = LocalDate.of(2011, 4, 9);

    @TempDir
    Path dataDir;

    BlindIndex index;

    @BeforeEach
    void open() {
        index = new BlindIndex(TestKeystores.open(dataDir));
    }

    @ParameterizedTest(name = "\"{0}\" matches \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "Jayden Smith|jayden smith",
            "  JAYDEN   SMITH |Jayden Smith",
            "Jayden\tSmith|Jayden Smith",
            "Jayden\u00a0Smith|Jayden Smith",
            "Zoe\u0308 Brown|Zo\u00eb Brown",
            "STRASSE|stra\u00dfe",
            "\uff2a\uff41\uff59\uff44\uff45\uff4e|Jayden"})
    void childWhenSpellingDiffersOnlyInCaseSpacingOrEncodingThenSameToken(String typed, String stored) {
        assertThat(index.child(typed, DOB)).isEqualTo(index.child(stored, DOB));
    }

    @Test
    void childWhenAccentsDifferThenDifferentToken() {
        assertThat(index.child("Zoë Brown", DOB)).isNotEqualTo(index.child("Zoe Brown", DOB));
    }

    @Test
    void childWhenDateOfBirthDiffersThenDifferentToken() {
        assertThat(index.child("Jayden Smith", DOB)).isNotEqualTo(index.child("Jayden Smith", DOB.plusDays(1)));
    }

    @Test
    void childWhenAnotherHubKeyThenDifferentTokenSoGuessesNeedTheKeystore(@TempDir Path otherDataDir) {
        BlindIndex other = new BlindIndex(TestKeystores.open(otherDataDir));

        assertThat(other.child("Jayden Smith", DOB)).isNotEqualTo(index.child("Jayden Smith", DOB));
    }

    @Test
    void childWhenKeystoreReopenedThenSameToken() {
        String before = index.child("Jayden Smith", DOB);

        assertThat(new BlindIndex(TestKeystores.open(dataDir)).child("jayden smith", DOB)).isEqualTo(before);
    }

    @Test
    void childTokenIsHexAndCarriesNoTraceOfTheName() {
        String token = index.child("Jayden Smith", DOB);

        assertThat(token).matches("[0-9a-f]{64}").doesNotContainIgnoringCase("jayden").doesNotContain("2011");
    }

    @Test
    void childWhenNameBlankThenRefuses() {
        assertThatThrownBy(() -> index.child(" \t ", DOB)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void normaliseNameFoldsCaseCollapsesSpaceAndKeepsAccents() {
        assertThat(BlindIndex.normaliseName("  Zoë   O'BRIEN-Smith ")).isEqualTo("zoë o'brien-smith");
    }
}
