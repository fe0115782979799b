/** What the Events store answers: a message with its history, a campaign's counts, a parent's messages, inbound replies. */
@NullMarked
package io.missive.tracker.query;

import org.jspecify.annotations.NullMarked;
