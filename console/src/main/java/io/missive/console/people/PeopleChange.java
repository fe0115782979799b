package io.missive.console.people;

/** What came of an admin's change to someone's account (a new role, or removal). */
public enum PeopleChange {
    /** Done, and on the audit trail. */
    DONE,
    /** Nothing to do: the person already has that role. */
    UNCHANGED,
    /** Nobody has that e-mail. */
    NO_SUCH_PERSON,
    /** Refused: the person is the last admin. */
    LAST_ADMIN
}
