package org.sharedagreements.app.pages;

import org.junit.jupiter.api.Test;
import org.sharedagreements.app.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a page shows comes from a resource bundle (English first, ready for other languages): each message
 * key a template names resolves through the application's own {@link MessageSource} (so each bundle is also on
 * {@code spring.messages.basename}), each key computed from a prefix has keys under that prefix, and no key is
 * defined in two bundles, where one would silently shadow the other.
 */
class WebMessagesTest extends ApiTest {

    private static final Pattern STATIC_KEY = Pattern.compile("#\\{(web\\.[A-Za-z0-9_.\\-]+)");
    private static final Pattern COMPUTED_KEY = Pattern.compile("#\\{\\$\\{'(web\\.[A-Za-z0-9_.\\-]+)'");

    @Autowired
    private MessageSource messages;

    @Test
    void everyKeyATemplateNamesResolves() throws IOException {
        Map<String, Properties> bundles = bundles();
        List<String> missing = new ArrayList<>();
        List<String> keysUsed = new ArrayList<>();
        for (Resource template : resources("classpath*:templates/**/*.html")) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            Matcher keys = STATIC_KEY.matcher(html);
            while (keys.find()) {
                keysUsed.add(keys.group(1));
                if (messages.getMessage(keys.group(1), null, null, Locale.ENGLISH) == null) {
                    missing.add(template.getFilename() + ": " + keys.group(1));
                }
            }
            Matcher prefixes = COMPUTED_KEY.matcher(html);
            while (prefixes.find()) {
                String prefix = prefixes.group(1);
                boolean any = bundles.values().stream().anyMatch(bundle -> bundle.stringPropertyNames().stream()
                        .anyMatch(key -> key.startsWith(prefix)));
                if (!any) {
                    missing.add(template.getFilename() + ": any key under " + prefix);
                }
            }
        }
        assertThat(keysUsed).as("the templates use message keys").hasSizeGreaterThan(20);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyBundleIsOnTheBasenameAndNoKeyIsInTwo() throws IOException {
        Map<String, Properties> bundles = bundles();
        assertThat(bundles).containsKeys("messages.properties", "agreement.properties", "record.properties",
                "staff.properties", "account.properties");
        Map<String, String> owner = new HashMap<>();
        List<String> twice = new ArrayList<>();
        bundles.forEach((file, bundle) -> {
            for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
                String before = owner.putIfAbsent(key, file);
                if (before != null) {
                    twice.add(key + " in " + before + " and " + file);
                }
                assertThat(messages.getMessage(key, null, null, Locale.ENGLISH)).as(key + " of " + file)
                        .isNotNull();
            }
        });
        assertThat(twice).isEmpty();
    }

    private static Map<String, Properties> bundles() throws IOException {
        Map<String, Properties> bundles = new HashMap<>();
        List<Resource> files = new ArrayList<>(resources("classpath*:messages.properties"));
        files.addAll(resources("classpath*:web/*.properties"));
        for (Resource file : files) {
            Properties bundle = new Properties();
            try (InputStream in = file.getInputStream()) {
                bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            bundles.put(file.getFilename(), bundle);
        }
        return bundles;
    }

    private static List<Resource> resources(String pattern) throws IOException {
        return List.of(new PathMatchingResourcePatternResolver().getResources(pattern));
    }
}
