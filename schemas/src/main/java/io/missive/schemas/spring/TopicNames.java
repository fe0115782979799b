package io.missive.schemas.spring;

import io.missive.schemas.topics.Topic;

/** A catalog topic's name in this deployment (its prefix applied). */
public record TopicNames(String prefix) {

    public String of(Topic topic) {
        return prefix + topic.name();
    }

    public String deadLetterOf(Topic topic) {
        return prefix + topic.deadLetterName();
    }
}
