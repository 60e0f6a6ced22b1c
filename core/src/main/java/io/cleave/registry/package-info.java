/**
 * The one registry abstraction of Cleave's pluggable families: {@link io.cleave.registry.Registry}, named entries
 * with a lookup that lists the known names on a miss.
 */
package io.cleave.registry;
