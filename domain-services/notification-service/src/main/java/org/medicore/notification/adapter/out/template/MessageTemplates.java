package org.medicore.notification.adapter.out.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.medicore.notification.domain.Language;
import org.medicore.notification.domain.NotificationKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The template files under {@code templates/}, compiled once: per kind and language a plain-text
 * and an HTML body ({@code <kind>/<lang>.txt.mustache}, {@code .html.mustache}); per language the
 * short texts ({@code <lang>.properties}: subject, SMS text and calendar summary of each kind).
 * HTML escapes what it inserts; a variable a template names but the model lacks is an error.
 */
final class MessageTemplates {

    static final String ROOT = "templates/";

    /** The parts of one message in one language. */
    record Parts(Template subject, Template text, Template html, Template shortText, Template calendarSummary) {
    }

    private final Map<Language, Map<NotificationKind, Parts>> parts = new EnumMap<>(Language.class);

    MessageTemplates() {
        Mustache.Compiler plain = Mustache.compiler().escapeHTML(false);
        Mustache.Compiler html = Mustache.compiler().escapeHTML(true);
        for (Language language : Language.values()) {
            Properties texts = properties(ROOT + language.tag() + ".properties");
            Map<NotificationKind, Parts> byKind = new EnumMap<>(NotificationKind.class);
            for (NotificationKind kind : NotificationKind.values()) {
                String folder = ROOT + folderOf(kind) + "/" + language.tag();
                byKind.put(kind, new Parts(
                        plain.compile(required(texts, kind, "subject")),
                        plain.compile(file(folder + ".txt.mustache")),
                        html.compile(file(folder + ".html.mustache")),
                        plain.compile(required(texts, kind, "sms")),
                        plain.compile(texts.getProperty("calendar.summary", ""))));
            }
            parts.put(language, byKind);
        }
    }

    Parts of(NotificationKind kind, Language language) {
        return parts.get(language).get(kind);
    }

    static String folderOf(NotificationKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String required(Properties texts, NotificationKind kind, String part) {
        String key = folderOf(kind) + "." + part;
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("no " + key + " in the message texts");
        }
        return text;
    }

    private static Properties properties(String path) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(open(path), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
        return properties;
    }

    private static String file(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = MessageTemplates.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("template " + path + " is missing");
        }
        return in;
    }
}
