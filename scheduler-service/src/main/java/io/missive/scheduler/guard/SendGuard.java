package io.missive.scheduler.guard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The send guard, compiled once from the policy and the lists: which checks run, the keyword index, the allowed and
 * blocked links and numbers. Immutable and shared; each acceptance takes its own {@link Inspector}, which reuses its
 * buffers from one message to the next. A value on the block-list is found even when it is also allowed (a domain
 * allowed but one of its pages blocked); anything else allowed is not found.
 */
public final class SendGuard {

    private final GuardPolicy policy;
    private final LinkDetector links;
    private final KeywordMatcher keywords;
    private final Set<String> allowedUrls = new HashSet<>();
    private final Set<String> allowedDomains = new HashSet<>();
    private final Set<String> blockedUrls = new HashSet<>();
    private final Set<String> blockedDomains = new HashSet<>();
    private final Set<String> allowedPhones = new HashSet<>();
    private final Set<String> blockedPhones = new HashSet<>();

    private SendGuard(GuardPolicy policy, GuardLists lists, String linkBaseUrl) {
        this.policy = policy;
        this.links = new LinkDetector(linkBaseUrl);
        var blockedWords = new ArrayList<String>();
        var allowedWords = new ArrayList<String>();
        sort(lists.allowed(), allowedUrls, allowedDomains, allowedPhones, allowedWords);
        sort(lists.blocked(), blockedUrls, blockedDomains, blockedPhones, blockedWords);
        this.keywords = new KeywordMatcher(blockedWords, allowedWords);
    }

    public static SendGuard compile(GuardPolicy policy, GuardLists lists, String linkBaseUrl) {
        return new SendGuard(policy, lists, linkBaseUrl);
    }

    public GuardPolicy policy() {
        return policy;
    }

    public GuardMode mode(GuardCheck check) {
        return policy.mode(check);
    }

    public Inspector inspector() {
        return new Inspector();
    }

    /** One acceptance's view of the guard: not thread-safe, no allocation per clean message. */
    public final class Inspector {

        private final TextFolding folding = new TextFolding();
        private final PhoneDetector phones = new PhoneDetector();
        private final Spans exempt = new Spans();
        private final List<Finding> found = new ArrayList<>();

        /**
         * What {@code text} holds that is neither allowed nor Missive's own. {@code exemptValues} are values Missive
         * put in itself (tracked link, supporter's number, security token): their occurrences are not judged.
         * The list is reused by the next call.
         */
        public List<Finding> inspect(String text, List<String> exemptValues) {
            found.clear();
            exempt.clear();
            for (var value : exemptValues) {
                exempt.addEvery(text, value);
            }
            if (policy.links() != GuardMode.OFF) {
                int before = found.size();
                links.find(text, exempt, found);
                keepUnlisted(before, SendGuard.this::linkAllowed);
            }
            if (policy.keywords() != GuardMode.OFF && !keywords.isEmpty()) {
                folding.fold(text, exempt);
                keywords.find(text, folding, exempt, found);
            }
            if (policy.phones() != GuardMode.OFF) {
                int before = found.size();
                phones.find(text, exempt, found);
                keepUnlisted(before, v -> allowedPhones.contains(v) && !blockedPhones.contains(v));
            }
            return found;
        }

        private void keepUnlisted(int from, java.util.function.Predicate<String> allowed) {
            for (int i = found.size() - 1; i >= from; i--) {
                if (allowed.test(found.get(i).value())) {
                    found.remove(i);
                }
            }
        }
    }

    private boolean linkAllowed(String value) {
        var exact = exactForm(value);
        var host = hostOf(exact);
        return (allowedUrls.contains(exact) || onDomain(host, allowedDomains))
                && !(blockedUrls.contains(exact) || onDomain(host, blockedDomains));
    }

    private static boolean onDomain(String host, Set<String> domains) {
        if (domains.isEmpty()) {
            return false;
        }
        for (int dot = -1; ; dot = host.indexOf('.', dot + 1)) {
            if (domains.contains(host.substring(dot + 1))) {
                return true;
            }
            if (host.indexOf('.', dot + 1) < 0) {
                return false;
            }
        }
    }

    private static void sort(List<ListEntry> entries, Set<String> urls, Set<String> domains, Set<String> phones, List<String> words) {
        for (var entry : entries) {
            switch (entry.kind()) {
                case URL -> {
                    if (entry.byDomain()) {
                        domains.add(domainForm(entry.value()));
                    } else {
                        urls.add(exactForm(entry.value()));
                    }
                }
                case PHONE -> {
                    var phone = PhoneDetector.normalise(entry.value());
                    if (phone != null) {
                        phones.add(phone);
                    }
                }
                case KEYWORD -> words.add(entry.value());
            }
        }
    }

    /** A URL as the lists compare it: no scheme, host in lower case, no trailing slash. */
    public static String exactForm(String url) {
        var trimmed = url.strip();
        int scheme = trimmed.indexOf("://");
        var canonical = LinkDetector.canonical(scheme >= 0 ? trimmed.substring(scheme + 3) : trimmed);
        return canonical.endsWith("/") ? canonical.substring(0, canonical.length() - 1) : canonical;
    }

    /** A domain as the lists compare it: its host, lower case, without {@code www.}. */
    public static String domainForm(String domain) {
        var host = hostOf(exactForm(domain));
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String hostOf(String exact) {
        int end = exact.length();
        for (int i = 0; i < exact.length(); i++) {
            char c = exact.charAt(i);
            if (c == '/' || c == '?' || c == '#' || c == ':') {
                end = i;
                break;
            }
        }
        return exact.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** A phone as the lists compare it (E.164, or a short number's digits); null when it is not a phone number. */
    public static @org.jspecify.annotations.Nullable String phoneForm(String phone) {
        return PhoneDetector.normalise(phone);
    }
}
