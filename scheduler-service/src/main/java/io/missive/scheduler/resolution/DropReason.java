package io.missive.scheduler.resolution;

/** Why a requested recipient gets no message. Every dropped recipient is reported with one of these. */
public enum DropReason {
    UNKNOWN_PARENT,
    UNKNOWN_CHILD,
    UNKNOWN_GROUP,
    /** The tag has no parent (or does not exist). */
    UNKNOWN_TAG,
    /** The child has no parent, or its parent is not in the directory. */
    INVALID_PARENT_CHILD,
    /** The parent is not followed by the command's supporter. */
    NOT_FOLLOWED_BY_SUPPORTER,
    /** The child's group (or every group of the parent's children) has a status outside {@code groupStatus}. */
    GROUP_STATUS,
    INVALID_PHONE,
    DUPLICATE_PHONE,
    DUPLICATE_RECIPIENT,
    OPTED_OUT
}
