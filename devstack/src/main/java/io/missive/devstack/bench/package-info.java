/** The end-to-end benchmark behind ./missive bench and its typed report (Markdown, JSON, chart). */
@NullMarked
package io.missive.devstack.bench;

import org.jspecify.annotations.NullMarked;
