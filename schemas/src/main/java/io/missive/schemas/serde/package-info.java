/** The one Kafka serde: Avro single-object encoding with every known writer schema. */
@NullMarked
package io.missive.schemas.serde;

import org.jspecify.annotations.NullMarked;
