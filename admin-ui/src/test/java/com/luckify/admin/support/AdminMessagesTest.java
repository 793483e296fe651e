package com.luckify.admin.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages have every text, and every text a template names exists. */
class AdminMessagesTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([a-z][a-zA-Z0-9.-]+)[}(]");

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("messages/admin_zh.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages/admin.properties").stringPropertyNames());
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> known = load("messages/admin.properties").stringPropertyNames();
        Set<String> named = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher keys = LITERAL_KEY.matcher(Files.readString(template));
                while (keys.find()) {
                    named.add(keys.group(1));
                }
            }
        }
        assertThat(named).isNotEmpty();
        assertThat(known).containsAll(named);
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AdminMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
