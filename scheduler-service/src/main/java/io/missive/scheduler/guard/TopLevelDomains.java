package io.missive.scheduler.guard;

import java.util.Locale;
import java.util.Set;

/**
 * The top-level domains a link without a scheme is recognised by: every country code, the historic generic ones and
 * the new ones most used in SMS spam. Those that are also French words, SMS shorthand or file extensions
 * ({@code et}, {@code la}, {@code ca}, {@code re}, {@code me}, {@code zip}…) are {@linkplain #ambiguous ambiguous}:
 * {@code demain.et} is a missing space, not a link, so they count only with a path, {@code www}, a scheme or a port.
 */
final class TopLevelDomains {

    private static final Set<String> ALL = Set.of("""
            ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo br bs bt bw by bz ca cc
            cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo fr ga gd
            ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg
            kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv
            mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa
            sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tr tt tv tw tz ua ug
            uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw
            com net org info biz edu gov mil int name pro mobi tel asia jobs travel aero coop museum cat xyz top club online
            site shop store app dev page link click live life tech cloud fun icu buzz vip work space website world today news
            blog win bid loan men date download review stream racing party trade science cricket accountant faith kim country
            gdn xin ovh bzh paris alsace corsica quebec bio immo cool love moi zip mov lol best email support help group
            social chat one network digital agency media solutions services center company sbs cfd rest bond beauty hair skin
            makeup quest monster cyou autos boats homes motorcycles yachts""".strip().split("\\s+"));

    private static final Set<String> AMBIGUOUS = Set.of("""
            ca de et la ma me re ne ci es au as to si il va vu se nu eu fi pt am pm ai sa ni no do so by in is it us gg lu st
            pe cv pk bb dm ps mp cc tg bo ga td tv id cm tel moi bio immo paris bzh love cool zip mov lol one fun win life live
            page help best date name pro cat men rest""".strip().split("\\s+"));

    private TopLevelDomains() {
    }

    static boolean isTld(String label) {
        return ALL.contains(label.toLowerCase(Locale.ROOT));
    }

    static boolean ambiguous(String label) {
        return AMBIGUOUS.contains(label.toLowerCase(Locale.ROOT));
    }
}
