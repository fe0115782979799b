package io.missive.scheduler.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.scheduler.directory.Directory.Child;
import io.missive.scheduler.directory.Directory.Group;
import io.missive.scheduler.resolution.GroupStatusRule.ParentVerdict;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class GroupStatusRuleUnitTest {

    private final GroupStatusRule rule = new GroupStatusRule(Set.of("active"));
    private final PageContext context = new PageContext(Map.of(),
            Map.of("g-active", new Group("g-active", null, "active"), "g-closed", new Group("g-closed", null, "closed")), Map.of());

    @Test
    void onlyAGroupWithAnAcceptedStatusIsAllowed() {
        assertThat(rule.allows(new Group("g", null, "active"))).isTrue();
        assertThat(rule.allows(new Group("g", null, "closed"))).isFalse();
        assertThat(rule.allows(null)).isFalse();
    }

    @Test
    void aParentIsMessagedAboutItsFirstChildInAnAcceptedGroup() {
        var children = List.of(child("c-3", "g-active"), child("c-1", "g-closed"), child("c-2", "g-active"));

        assertThat(rule.forParent(children, context)).isEqualTo(new ParentVerdict.About(child("c-2", "g-active")));
    }

    @Test
    void aParentWhoseChildrenAreAllOutsideAcceptedGroupsIsRefused() {
        var children = List.of(child("c-1", "g-closed"), child("c-2", null), child("c-3", "g-unknown"));

        assertThat(rule.forParent(children, context)).isInstanceOf(ParentVerdict.Refused.class);
    }

    @Test
    void aParentWithoutChildrenPassesAboutNoChild() {
        assertThat(rule.forParent(List.of(), context)).isEqualTo(new ParentVerdict.About(null));
    }

    private static Child child(String id, @Nullable String groupId) {
        return new Child(id, null, "p-1", groupId);
    }
}
