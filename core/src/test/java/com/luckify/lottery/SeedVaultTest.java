package com.luckify.lottery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedVaultTest {

    private static final String KEY_A = "a:" + Base64.getEncoder().encodeToString(bytes(32, 1));
    private static final String KEY_B = "b:" + Base64.getEncoder().encodeToString(bytes(32, 2));
    private static final byte[] SEED = bytes(32, 7);

    @Test
    void aSealedSeedOpensOnlyForItsLottery() {
        SeedVault vault = new SeedVault(KEY_A, List.of());

        SeedVault.Sealed sealed = vault.seal(42, SEED);

        assertThat(sealed.keyId()).isEqualTo("a");
        assertThat(sealed.bytes()).hasSize(60);
        assertThat(vault.open(42, "a", sealed.bytes())).isEqualTo(SEED);
        assertThatThrownBy(() -> vault.open(43, "a", sealed.bytes()))
                .as("moved onto another lottery").hasMessageContaining("does not open");
        byte[] altered = sealed.bytes().clone();
        altered[20] ^= 1;
        assertThatThrownBy(() -> vault.open(42, "a", altered)).hasMessageContaining("does not open");
    }

    @Test
    void theSameSeedSealsDifferentlyEachTime() {
        SeedVault vault = new SeedVault(KEY_A, List.of());

        assertThat(Arrays.equals(vault.seal(1, SEED).bytes(), vault.seal(1, SEED).bytes())).isFalse();
    }

    @Test
    void afterARotationTheRetiredKeyStillOpensWhatItSealedAndNewSeedsUseTheNewKey() {
        SeedVault.Sealed old = new SeedVault(KEY_A, List.of()).seal(5, SEED);
        SeedVault rotated = new SeedVault(KEY_B, List.of(KEY_A));

        assertThat(rotated.open(5, "a", old.bytes())).isEqualTo(SEED);
        assertThat(rotated.seal(5, SEED).keyId()).isEqualTo("b");
        assertThatThrownBy(() -> new SeedVault(KEY_B, List.of()).open(5, "a", old.bytes()))
                .hasMessageContaining("sealed with key 'a'");
        assertThatThrownBy(() -> rotated.open(5, "b", old.bytes()))
                .as("relabelled with another key").hasMessageContaining("does not open");
    }

    @Test
    void keysMustBeConfiguredAndWellFormed() {
        assertThatThrownBy(() -> new SeedVault("", List.of())).hasMessageContaining("LUCKIFY_DRAW_SEED_KEY");
        assertThatThrownBy(() -> new SeedVault("k:" + Base64.getEncoder().encodeToString(bytes(16, 1)), List.of()))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SeedVault("no-id", List.of())).hasMessageContaining("<id>:<base64");
        assertThatThrownBy(() -> new SeedVault(KEY_A, List.of(KEY_A))).hasMessageContaining("two draw seed keys");
    }

    private static byte[] bytes(int n, int fill) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }
}
