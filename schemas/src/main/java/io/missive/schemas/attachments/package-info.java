/** Which attachments Missive fetches (https, allow-listed hosts, public addresses, size and type), and the fetch itself. */
@org.jspecify.annotations.NullMarked
package io.missive.schemas.attachments;
