package io.missive.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated directory of {@code n} parents, each with one child, all tagged {@code t-all} and followed
 * by supporter {@code s1}. Every hundred parents, five are ineligible in a known way:
 * {@code i%100==1} bad phone, {@code ==3} shares the phone of {@code ==2}, {@code ==4} opted out (the
 * test sends it), {@code ==5} child in a waiting group, {@code ==6} no address (MISSING_VARIABLE).
 */
public final class DemoDirectory {

    private DemoDirectory() {
    }

    public static String phoneOf(int i) {
        int n = i % 100 == 3 ? i - 1 : i;
        return "+336" + String.format("%08d", n);
    }

    public static Map<String, Object> of(int parents) {
        var parentList = new ArrayList<Map<String, Object>>(parents);
        var children = new ArrayList<Map<String, Object>>(parents);
        for (int i = 1; i <= parents; i++) {
            var parent = new LinkedHashMap<String, Object>();
            parent.put("id", "p" + i);
            var phone = phoneOf(i);
            parent.put("phone", i % 100 == 1 ? "12345" : i % 2 == 0 ? "0" + phone.substring(3) : phone);
            parent.put("firstName", "Parent" + i);
            parent.put("securityToken", "tok-" + i);
            if (i % 100 != 6) {
                parent.put("address", i + " rue de la Paix");
            }
            parent.put("tagIds", List.of("t-all"));
            parent.put("supporterId", "s1");
            parentList.add(parent);
            children.add(Map.of("id", "c" + i, "firstName", "Enfant" + i, "parentId", "p" + i,
                    "groupId", i % 100 == 5 ? "g-waiting" : "g-active"));
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("parents", parentList);
        body.put("children", children);
        body.put("groups", List.of(Map.of("id", "g-active", "name", "Paris", "status", "active"),
                Map.of("id", "g-waiting", "name", "Lyon", "status", "waiting")));
        body.put("supporters", List.of(Map.of("id", "s1", "firstName", "Claire", "aircallNumber", "+33176543210",
                "aircallNumberId", "123456")));
        body.put("tags", List.of(Map.of("id", "t-all", "name", "everyone")));
        body.put("redirectionTargets", List.of(Map.of("id", "r1", "url", "https://example.org/videos/42", "name", "video")));
        return body;
    }
}
