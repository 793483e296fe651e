package com.luckify.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.luckify.common.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The code table and the published contract never drift apart: every code is documented with its message. */
class ErrorCodeContractTest {

    @Test
    void everyErrorCodeIsInTheContractWithTheSameMessage() throws IOException {
        Map<Integer, String> documented = documentedCodes();

        for (ErrorCode errorCode : ErrorCode.values()) {
            assertThat(documented).as("contract entry for %s", errorCode).containsKey(errorCode.code());
            assertThat(documented.get(errorCode.code())).as("contract message of %s", errorCode)
                    .isEqualTo(errorCode.message());
        }
    }

    @Test
    void codesAreUnique() {
        assertThat(List.of(ErrorCode.values())).extracting(ErrorCode::code).doesNotHaveDuplicates();
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, String> documentedCodes() throws IOException {
        try (InputStream in = ErrorCodeContractTest.class.getResourceAsStream("/contract/luckify-api.yaml")) {
            assertThat(in).as("contract on the class path").isNotNull();
            Map<String, Object> contract = new Yaml().load(in);
            Map<String, Object> components = (Map<String, Object>) contract.get("components");
            List<Map<String, Object>> codes = (List<Map<String, Object>>) components.get("x-luckify-error-codes");
            Map<Integer, String> byCode = new HashMap<>();
            for (Map<String, Object> entry : codes) {
                byCode.put(((Number) entry.get("code")).intValue(), (String) entry.get("message"));
            }
            return byCode;
        }
    }
}
