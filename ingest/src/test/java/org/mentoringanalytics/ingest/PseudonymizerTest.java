package org.mentoringanalytics.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {

    @Test
    void isTheFirstHalfOfHmacSha256AsPublishedInRfc4231() {
        // RFC 4231, test case 1: key = 20 bytes of 0x0b, data = "Hi There",
        // HMAC-SHA-256 = b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7.
        byte[] key = new byte[20];
        Arrays.fill(key, (byte) 0x0b);
        Pseudonymizer pseudonymizer = new Pseudonymizer(key);
        assertThat(pseudonymizer.pseudonym("Hi There")).isEqualTo("b0344c61d8db38535ca8afceaf0bf12b");
        // Served from the per-thread memory the second time: still the same value.
        assertThat(pseudonymizer.pseudonym("Hi There")).isEqualTo("b0344c61d8db38535ca8afceaf0bf12b");
    }

    @Test
    void trimsIdentifiersAndDependsOnTheKey() {
        Pseudonymizer a = new Pseudonymizer("a-key-of-sixteen-bytes".getBytes(StandardCharsets.UTF_8));
        Pseudonymizer b = new Pseudonymizer("another-key-0123456789".getBytes(StandardCharsets.UTF_8));
        assertThat(a.pseudonym(" E1 ")).isEqualTo(a.pseudonym("E1"));
        assertThat(a.pseudonym("E2")).isNotEqualTo(a.pseudonym("E1"));
        assertThat(b.pseudonym("E1")).isNotEqualTo(a.pseudonym("E1"));
    }

    @Test
    void refusesShortKeys() {
        assertThatThrownBy(() -> new Pseudonymizer("short".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("at least 16 bytes");
    }
}
