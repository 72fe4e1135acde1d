package org.medicore.notification.adapter.in.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.medicore.notification.application.port.in.UnsubscribeByLink;
import org.medicore.notification.application.port.in.UnsubscribeByLink.Link;
import org.medicore.notification.domain.Channel;
import org.medicore.notification.domain.Language;
import org.medicore.support.port.Outcome;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The page an unsubscribe link opens, without signing in. GET only asks (mail scanners and link
 * previews follow links, and must not unsubscribe anyone); the page's button, or a mail program's
 * one-click unsubscribe (RFC 8058: a POST to the same link), withdraws the consent. Answered in the
 * patient's language; a link this service did not sign says so (400) in the browser's language, an
 * expired one (410) in the patient's, and neither tells anything about a patient.
 */
@RestController
final class UnsubscribePage {

    static final String PATH = "/unsubscribe";
    static final String SHORT_PATH = "/u";

    /**
     * The clinic as the page names it, and the page's own address as patients reach it (its button
     * posts there, whatever path a proxy in front adds).
     */
    record Clinic(String name, String portalUrl, String pageUrl) {
    }

    private final UnsubscribeByLink links;
    private final Clinic clinic;
    private final Map<Language, Template> pages = new EnumMap<>(Language.class);

    UnsubscribePage(UnsubscribeByLink links, Clinic clinic) {
        this.links = links;
        this.clinic = clinic;
        Mustache.Compiler html = Mustache.compiler().escapeHTML(true);
        for (Language language : Language.values()) {
            pages.put(language, html.compile(page(language)));
        }
    }

    @GetMapping(PATH)
    ResponseEntity<String> ask(@RequestParam(name = "token", required = false) String token,
                               @RequestHeader(name = "Accept-Language", required = false) String browserLanguages) {
        return answer(links.look(token), "asking", token, browserLanguages);
    }

    /** The short form an SMS carries ({@code /u/<token>}): the same question, its button posting to the page. */
    @GetMapping(SHORT_PATH + "/{token}")
    ResponseEntity<String> askFromSms(@PathVariable("token") String token,
                                      @RequestHeader(name = "Accept-Language", required = false) String browserLanguages) {
        return ask(token, browserLanguages);
    }

    @PostMapping(PATH)
    ResponseEntity<String> unsubscribe(@RequestParam(name = "token", required = false) String token,
                                       @RequestHeader(name = "Accept-Language", required = false) String browserLanguages) {
        return answer(links.unsubscribe(token), "done", token, browserLanguages);
    }

    private ResponseEntity<String> answer(Outcome<Link> outcome, String goodState, String token, String browserLanguages) {
        Map<String, Object> model = new HashMap<>();
        model.put("clinicName", clinic.name());
        model.put("portalUrl", clinic.portalUrl());
        model.put("action", clinic.pageUrl());
        return switch (outcome) {
            case Outcome.Done<Link>(Link.Good good) -> {
                model.put(goodState, true);
                model.put("token", token);
                model.put("channelName", channelName(good.channel(), good.language()));
                yield page(HttpStatus.OK, good.language(), model);
            }
            case Outcome.Done<Link>(Link.Expired expired) -> {
                model.put("expired", true);
                model.put("channelName", anyChannel(expired.language()));
                yield page(HttpStatus.GONE, expired.language(), model);
            }
            // the only refusal: a token this service did not sign
            case Outcome.Refused<Link> refused -> {
                Language language = BrowserLanguage.of(browserLanguages);
                model.put("refused", true);
                model.put("channelName", anyChannel(language));
                yield page(HttpStatus.BAD_REQUEST, language, model);
            }
        };
    }

    private ResponseEntity<String> page(HttpStatus status, Language language, Map<String, Object> model) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                // the token is in the address: no other site learns it from a link on this page
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
                .header("Content-Language", language.tag())
                .body(pages.get(language).execute(model));
    }

    private static String channelName(Channel channel, Language language) {
        return switch (channel) {
            case EMAIL -> language == Language.GERMAN ? "E-Mail" : "e-mail";
            case SMS -> "SMS";
        };
    }

    private static String anyChannel(Language language) {
        return language == Language.GERMAN ? "E-Mail oder SMS" : "e-mail or SMS";
    }

    private static String page(Language language) {
        String path = "pages/unsubscribe/" + language.tag() + ".html.mustache";
        try (InputStream in = UnsubscribePage.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("page " + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    /** The first of the clinic's languages the browser asks for; English when none. */
    static final class BrowserLanguage {

        private BrowserLanguage() {
        }

        static Language of(String acceptLanguage) {
            if (acceptLanguage == null) {
                return Language.ENGLISH;
            }
            try {
                return Locale.LanguageRange.parse(acceptLanguage).stream()
                        .map(range -> range.getRange().split("-")[0].toLowerCase(Locale.ROOT))
                        .map(Language::withTag).flatMap(java.util.Optional::stream)
                        .findFirst().orElse(Language.ENGLISH);
            } catch (IllegalArgumentException malformed) {
                return Language.ENGLISH;
            }
        }
    }
}
