package com.luckify.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ImageTypeTest {

    @Test
    void recognisesEachAcceptedFormatByItsFirstBytes() {
        byte[] png = Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB, 0};
        byte[] gif = "GIF89a\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] webp = "RIFF\u0000\u0000\u0000\u0000WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(ImageType.detect(png)).contains(ImageType.PNG);
        assertThat(ImageType.detect(jpeg)).contains(ImageType.JPEG);
        assertThat(ImageType.detect(gif)).contains(ImageType.GIF);
        assertThat(ImageType.detect(webp)).contains(ImageType.WEBP);
    }

    @Test
    void refusesAnythingElseWhateverItClaims() {
        assertThat(ImageType.detect("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageType.detect("RIFF\u0000\u0000\u0000\u0000WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
        assertThat(ImageType.detect(new byte[] {(byte) 0x89, 'P'})).isEmpty();
        assertThat(ImageType.detect(new byte[0])).isEmpty();
    }
}
